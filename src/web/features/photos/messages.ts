/** The photos pages' interface strings, Chinese first; `en` must carry exactly the same keys. */
export const zhCN = {
  photos: {
    add: '拍照/上传照片',
    none: '暂无现场照片',
    remove: '删除',
    removeConfirm: '删除这张照片？',
    title: '现场照片',
    evidence: '佐证照片',
    evidenceHelp: '可拍照或从相册选择，最多 {{max}} 张，提交进展后逐张上传；上传后不能删除',
    take: '拍照',
    choose: '从相册选择',
    unchoose: '不上传这张照片',
    waiting: '等待上传',
    uploaded: '已上传',
    uploadedCount: '佐证照片已上传 {{sent}} / {{total}} 张',
    retry: '重试',
    retryNamed: '重试上传 {{name}}',
    uploadFailed: '进展已保存，但以下照片未能上传，请点击照片下方的“重试”：',
    failedOne: '{{name}}：{{message}}',
  },
};

export const en: typeof zhCN = {
  photos: {
    add: 'Take / upload photo',
    none: 'No site photos yet',
    remove: 'Remove',
    removeConfirm: 'Remove this photo?',
    title: 'Site photos',
    evidence: 'Evidence photos',
    evidenceHelp:
      'Take photos or pick them from the album, up to {{max}}; they are uploaded one by one once the report is sent and cannot be removed afterwards',
    take: 'Take photo',
    choose: 'Choose from album',
    unchoose: 'Do not upload this photo',
    waiting: 'Waiting',
    uploaded: 'Uploaded',
    uploadedCount: '{{sent}} of {{total}} evidence photos uploaded',
    retry: 'Retry',
    retryNamed: 'Retry uploading {{name}}',
    uploadFailed: 'The report is saved, but these photos could not be uploaded. Press “Retry” under a photo:',
    failedOne: '{{name}}: {{message}}',
  },
};
