/** The settings pages' interface strings, Chinese first; `en` must carry exactly the same keys. */
export const zhCN = {
  settings: {
    title: '系统设置',
    hint: '全区统一的参数。修改后立即生效，所有统计、台账和提醒都按新值计算；每次修改都记入审计日志。',
    escalationTitle: '督办台账预警',
    escalationHint:
      '督办事项的预警级别不单独保存，而是每天按完成时限和下面两个天数算出，列表、看板、导出和提醒始终一致。',
    dueSoonDays: '临期提醒天数',
    dueSoonDaysHelp:
      '未办结事项距完成时限不超过这个天数时显示为“临期”，并提醒责任人。设为 0 则只在截止当天提醒。',
    seriousAfterDays: '严重逾期天数',
    seriousAfterDaysHelp:
      '逾期超过这个天数的事项升级为“严重逾期”：提醒上报至责任人上级的上级，并在督办看板中单独统计。',
    inventoryTitle: '老旧小区认定',
    oldCutoffYear: '老旧小区截止年份',
    oldCutoffYearHelp:
      '建成年份早于该年的小区计为老旧小区（国家政策一般为 2000 年，示范区为 2005 年）。修改后小区台账和总览中的老旧小区数随之变化。',
    illegalTitle: '拆违治乱',
    tolerancePercent: '测量允许误差',
    tolerancePercentHelp:
      '两名不同测量人的面积相差不超过较大值的这个百分比时，取两者平均值为核定面积；相差更大则需第三次测量。只影响此后录入的测量，已核定的面积不变。',
    toleranceOutOfRange: '请输入 {{range}} 之间的数值（保留一位小数）',
    structureTypes: '违建类型',
    structureTypesHelp:
      '登记和导入调查表时可选的类型；输入后按回车添加，点 × 删除。已登记违建的类型不受影响，删除的类型不再可选。',
    structureTypesCount: '请填写 {{min}}–{{max}} 个类型',
    opinionsTitle: '群众意见',
    opinionCategories: '意见类别',
    opinionCategoriesHelp:
      '居民在小区公开页提交意见时可选的类别；输入后按回车添加，点 × 删除。已收到意见的类别不受影响，删除的类别不再可选。',
    opinionCategoriesCount: '请填写 {{min}}–{{max}} 个类别',
    gradesTitle: '提案办理结果等级',
    gradesHint:
      '答复提案时可选的办理结果，按顺序列出：代码（印在答复函左上角）和含义。默认 A 类（已解决或基本解决）、B 类（正在解决或列入计划）、C 类（暂时不能解决），可增加 D 类等。已签发答复的等级不受影响；B 类答复的承诺事项全部完成后可提升为 A 类，须保留 A。',
    gradeCode: '代码',
    gradeLabel: '含义',
    gradeLabelPlaceholder: '如：所提问题已经解决或基本解决',
    gradeAdd: '增加等级',
    gradeRemove: '删除该等级',
    gradesEmpty: '至少保留一个等级',
    gradeCodeRequired: '请填写代码',
    gradeCodeTwice: '代码重复',
    gradeLabelRequired: '请填写含义',
    days: '天',
    year: '年',
    range: '{{min}}–{{max}} {{unit}}',
    required: '请填写（{{range}}）',
    outOfRange: '请输入 {{range}} 之间的整数',
    revert: '恢复为当前值',
    saved: '设置已保存，即时生效。',
  },
};

export const en: typeof zhCN = {
  settings: {
    title: 'Settings',
    hint: 'District-wide settings. Changes take effect at once: every figure, ledger and reminder follows the new values, and each change is recorded in the audit log.',
    escalationTitle: 'Ledger escalation',
    escalationHint:
      'A ledger item’s escalation is never stored: it is worked out each day from its deadline and the two numbers below, so lists, the board, exports and reminders always agree.',
    dueSoonDays: 'Due-soon days',
    dueSoonDaysHelp:
      'An open item whose deadline is at most this many days away is “due soon”, and its owner is reminded. 0 reminds only on the day itself.',
    seriousAfterDays: 'Seriously overdue after (days)',
    seriousAfterDaysHelp:
      'An item overdue by more than this many days is “seriously overdue”: the reminder goes up to the owner’s superior’s superior, and the board counts it separately.',
    inventoryTitle: 'Old compounds',
    oldCutoffYear: 'Old-compound cut-off year',
    oldCutoffYearHelp:
      'Compounds built before this year count as old (2000 in national policy, 2005 in the demo district). The inventory and the overview recount old compounds at once.',
    illegalTitle: 'Illegal structures',
    tolerancePercent: 'Measurement tolerance',
    tolerancePercentHelp:
      'Two measurements by different people agree when they differ by at most this percent of the larger; the verified area is their mean. A wider gap asks for a third measurement. Only measurements entered from now on follow a change; verified areas stay.',
    toleranceOutOfRange: 'Enter a number within {{range}} (one decimal)',
    structureTypes: 'Structure types',
    structureTypesHelp:
      'The types offered when registering a structure and accepted in survey sheets; type one and press Enter to add it, click × to remove one. Structures already registered keep their type.',
    structureTypesCount: 'Give {{min}}–{{max}} types',
    opinionsTitle: "Residents' opinions",
    opinionCategories: 'Opinion categories',
    opinionCategoriesHelp:
      "The categories residents choose from when they send an opinion on a compound's public page; press Enter to add one, × to remove it. Opinions already received keep theirs; a removed category is no longer offered.",
    opinionCategoriesCount: 'Give {{min}}–{{max}} categories',
    gradesTitle: 'Proposal result grades',
    gradesHint:
      'The result grades a reply to a CPPCC proposal may carry, in order: a code (printed at the top left of the letter) and what it means. By default A (solved or basically solved), B (being solved or planned) and C (cannot be solved now); a district may add D. Signed replies keep their grade; a B whose commitments are all done may be raised to A, so keep A.',
    gradeCode: 'Code',
    gradeLabel: 'Meaning',
    gradeLabelPlaceholder: 'e.g. solved or basically solved',
    gradeAdd: 'Add grade',
    gradeRemove: 'Remove this grade',
    gradesEmpty: 'Keep at least one grade',
    gradeCodeRequired: 'Give a code',
    gradeCodeTwice: 'This code is used twice',
    gradeLabelRequired: 'Say what it means',
    days: 'days',
    year: '',
    range: '{{min}}–{{max}} {{unit}}',
    required: 'Required ({{range}})',
    outOfRange: 'Enter a whole number within {{range}}',
    revert: 'Revert to current values',
    saved: 'Settings saved; they apply at once.',
  },
};
