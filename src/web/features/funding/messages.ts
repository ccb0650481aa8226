/** The funding pages' interface strings, Chinese first; `en` must carry exactly the same keys. */
export const zhCN = {
  funding: {
    title: '资金统计',
    hint: '{{scope}}各年度、各街道改造项目的资金计划、到位和支出，按资金来源汇总。',
    from: '起始年度',
    to: '截止年度',
    rangeInvalid: '起始年度不能晚于截止年度',
    region: '街道 / 社区',
    chart: '各年度资金',
    chartAria: '各年度资金柱状图（计划/到位/支出，万元）：{{figures}}',
    table: '按年度和街道汇总',
    perSource: '分来源显示',
    unit: '单位：万元',
    projects: '项目数',
    bySource: '资金来源（{{amount}}）',
    total: '合计',
    totalRow: '合计',
    amounts: {
      planned: '计划',
      received: '到位',
      spent: '支出',
    },
    empty: '所选范围内没有项目资金。请调整年度或区域。',
  },
};

export const en: typeof zhCN = {
  funding: {
    title: 'Funding',
    hint: 'What renovation projects in {{scope}} planned, received and spent, by year and subdistrict, per funding source.',
    from: 'From year',
    to: 'To year',
    rangeInvalid: 'The first year cannot be after the last',
    region: 'Subdistrict / community',
    chart: 'Funding by year',
    chartAria: 'Bar chart of funding by year (planned/received/spent, 10k yuan): {{figures}}',
    table: 'By year and subdistrict',
    perSource: 'Per source',
    unit: 'Unit: 10k yuan',
    projects: 'Projects',
    bySource: 'Funding sources ({{amount}})',
    total: 'Total',
    totalRow: 'Total',
    amounts: {
      planned: 'Planned',
      received: 'Received',
      spent: 'Spent',
    },
    empty: 'No project funding in this range. Change the years or the area.',
  },
};
