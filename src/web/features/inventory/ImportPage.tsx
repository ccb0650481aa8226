/**
 * Inventory › import: a wizard over one import job. Choose the ledger and file → upload and
 * check (nothing written) → review the problems, or the counts to be written → confirm → done.
 * The job's id is in the URL, so a reload (or a slow check) picks up where it was.
 */

import { ArrowLeftOutlined, DownloadOutlined, FileExcelOutlined, InboxOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Col,
  Flex,
  Progress,
  Radio,
  Result,
  Row,
  Spin,
  Statistic,
  Steps,
  Table,
  type TableColumnsType,
  Typography,
  Upload,
} from 'antd';
import type { TFunction } from 'i18next';
import { type ReactNode, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type ImportPreviewRow,
  type ImportProblem,
  type ImportReport,
  type Job,
  ledgerKinds,
  type SheetKind,
  sheetKinds,
} from '../../../contract/imports.js';
import { rowRanges } from '../../../domain/row-ranges.js';
import { ApiError } from '../../shared/api.js';
import { formatBytes, formatNumber } from '../../shared/numbers.js';
import { useIsPhone } from '../../shared/responsive.js';
import { useMe } from '../../shared/session.js';
import { useConfirmImport, useInvalidateInventory, useJob, useUploadImport } from './queries.js';
import { templateUrl } from './SheetDownloads.js';

/** The server's default upload limit (JIUGAI_UPLOAD_LIMIT_MB); checked here first so nobody waits to be refused. */
const acceptedExtensions = ['.xlsx', '.csv'];
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const isSheetKind = (v: string | null): v is SheetKind => sheetKinds.includes(v as SheetKind);

type Step = 0 | 1 | 2 | 3 | 4;

/** Where the wizard stands for a job's status. */
function stepOf(job: Job): { step: Step; error: boolean } {
  switch (job.status) {
    case 'validating':
      return { step: 1, error: false };
    case 'invalid':
      return { step: 2, error: true };
    case 'validated':
      return { step: 2, error: false };
    case 'importing':
      return { step: 3, error: false };
    case 'done':
      return { step: 4, error: false };
    case 'failed':
      return { step: job.report && !job.report.dryRun ? 3 : 1, error: true };
  }
}

function Working({ text, percent, hint }: { text: string; percent?: number; hint?: string }) {
  return (
    <Flex vertical align="center" gap={16} style={{ padding: '32px 0' }} data-testid="import-working">
      {percent === undefined ? <Spin size="large" /> : <Progress type="circle" percent={percent} size={96} />}
      <Typography.Text strong style={{ fontSize: 16 }}>
        {text}
      </Typography.Text>
      {hint && <Typography.Text type="secondary">{hint}</Typography.Text>}
    </Flex>
  );
}

function Counts({ items }: { items: { label: string; value: number; testId: string }[] }) {
  return (
    <Row gutter={[16, 16]}>
      {items.map((item) => (
        <Col xs={12} sm={8} key={item.testId}>
          <Statistic title={item.label} value={formatNumber(item.value)} data-testid={item.testId} />
        </Col>
      ))}
    </Row>
  );
}

/** A problem's row, or for one many rows share, their count and rows: "41 行（3–43）". */
function rowsOf(p: ImportProblem, t: TFunction): string {
  const count = p.count ?? 1;
  if (count > 1 && p.rows)
    return t('imports.rowsGrouped', {
      count: formatNumber(count),
      rows: rowRanges(p.rows, count - p.rows.length),
    });
  return t('imports.atRow', { row: p.row });
}

/** The rows a check will add or change: the first of each, a changed cell as old → new. */
function PreviewTable({ rows, title, testId }: { rows: ImportPreviewRow[]; title: string; testId: string }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  const columns: TableColumnsType<ImportPreviewRow> = [
    { key: 'row', title: t('imports.row'), dataIndex: 'row', align: 'right', width: 72 },
    { key: 'label', title: t('imports.previewWhat'), dataIndex: 'label' },
    {
      key: 'cells',
      title: t('imports.previewCells'),
      render: (_: unknown, r: ImportPreviewRow) => (
        <Flex wrap gap="4px 16px">
          {r.cells.map((c) => (
            <span key={c.field} data-testid="preview-cell">
              <Typography.Text type="secondary">{c.header}：</Typography.Text>
              {c.old !== null || r.cells.some((x) => x.old !== null) ? (
                <>
                  <Typography.Text delete type="secondary">
                    {c.old ?? t('imports.emptyCell')}
                  </Typography.Text>
                  {' → '}
                  <Typography.Text strong>{c.new ?? t('imports.emptyCell')}</Typography.Text>
                </>
              ) : (
                c.new
              )}
            </span>
          ))}
        </Flex>
      ),
    },
  ];
  return (
    <div data-testid={testId}>
      <Typography.Title level={5}>{title}</Typography.Title>
      <Table
        rowKey="row"
        columns={columns}
        dataSource={rows}
        pagination={false}
        size="small"
        scroll={{ x: 'max-content' }}
      />
    </div>
  );
}

function Review({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const ignored = report.ignoredColumns ?? [];
  return (
    <>
      {ignored.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('imports.ignoredTitle', {
            columns: ignored.map((c) => `${c.column}（${c.header}）`).join('、'),
          })}
          description={t('imports.ignoredHint')}
          data-testid="import-ignored"
        />
      )}
      {report.preview && (
        <>
          <PreviewTable
            rows={report.preview.added}
            title={t('imports.previewAdded', {
              shown: report.preview.added.length,
              total: formatNumber(report.inserted),
            })}
            testId="preview-added"
          />
          <PreviewTable
            rows={report.preview.changed}
            title={t('imports.previewChanged', {
              shown: report.preview.changed.length,
              total: formatNumber(report.updated),
            })}
            testId="preview-changed"
          />
        </>
      )}
    </>
  );
}

/** Where a problem is, in words: 小区台账 · 第 12 行 · C 列（建成年代）. */
function useProblemPlace() {
  const { t } = useTranslation();
  return (p: ImportProblem) =>
    [
      p.sheet || null,
      p.row !== null ? rowsOf(p, t) : null,
      p.column ? t('imports.atColumn', { column: p.column }) : null,
      p.header ? `（${p.header}）` : null,
    ]
      .filter(Boolean)
      .join(' · ')
      .replace(' · （', '（');
}

function Problems({ job, onAgain }: { job: Job; onAgain: () => void }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const place = useProblemPlace();
  const report = job.report;
  const problems = (report?.problems ?? []).map((p, key) => ({ ...p, key }));
  const count = report?.problemCount ?? problems.length;
  const dash = (v: string | number | null) => (v === null || v === '' ? '—' : v);
  const columns: TableColumnsType<ImportProblem & { key: number }> = [
    { key: 'sheet', title: t('imports.sheet'), dataIndex: 'sheet', render: dash },
    {
      key: 'row',
      title: t('imports.row'),
      dataIndex: 'row',
      align: 'right',
      render: (_: unknown, p: ImportProblem) => ((p.count ?? 1) > 1 ? rowsOf(p, t) : dash(p.row)),
    },
    { key: 'column', title: t('imports.column'), dataIndex: 'column', render: dash },
    { key: 'header', title: t('imports.header'), dataIndex: 'header', render: dash },
    { key: 'message', title: t('imports.message'), dataIndex: 'message' },
  ];
  return (
    <Flex vertical gap={16}>
      <Alert
        type="error"
        showIcon
        title={t('imports.invalidTitle', { problems: formatNumber(count) })}
        description={
          <>
            {t('imports.invalidHint')}
            {count > problems.length && ` ${t('imports.invalidTruncated', { shown: problems.length })}`}
          </>
        }
        data-testid="import-invalid"
      />
      <div>
        <Button type="primary" onClick={onAgain} block={isPhone}>
          {t('imports.chooseAnother')}
        </Button>
      </div>
      {isPhone ? (
        // On a phone each problem is a short card: where it is, then what is wrong, nothing cut off.
        <ol aria-label={t('imports.message')} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {problems.map((p) => (
            <li key={p.key} style={{ borderBottom: '1px solid rgba(5, 5, 5, 0.06)', paddingBlock: 8 }}>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {place(p)}
              </Typography.Text>
              <div>{p.message}</div>
            </li>
          ))}
        </ol>
      ) : (
        <Table
          rowKey="key"
          columns={columns}
          dataSource={problems}
          pagination={{ pageSize: 50, showSizeChanger: false, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          size="small"
        />
      )}
    </Flex>
  );
}

/**
 * The wizard for the sheets of one area: the inventory's ledgers (by default), or the illegal
 * structures' survey sheet from the register (`kinds={['structures']}`, back to `/illegal`).
 */
export function ImportPage({
  kinds = ledgerKinds,
  backTo = '/compounds',
}: {
  kinds?: readonly SheetKind[];
  backTo?: string;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [searchParams, setSearchParams] = useSearchParams();
  const rawJob = searchParams.get('job');
  const jobId = rawJob && uuidPattern.test(rawJob) ? rawJob : null;
  const rawKind = searchParams.get('kind');
  const [kind, setKind] = useState<SheetKind>(
    isSheetKind(rawKind) && kinds.includes(rawKind) ? rawKind : (kinds[0] ?? 'compounds'),
  );
  const backLabel = backTo === '/illegal' ? t('imports.backToIllegal') : t('imports.backToList');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [uploaded, setUploaded] = useState(0);
  const uploadImport = useUploadImport();
  const confirmImport = useConfirmImport();
  const job = useJob(jobId);
  const invalidate = useInvalidateInventory();
  // The server's own limit (JIUGAI_UPLOAD_LIMIT_MB), so the two never disagree.
  const maxUploadBytes = useMe().data?.uploadLimitBytes ?? Number.POSITIVE_INFINITY;
  const limit = formatBytes(maxUploadBytes);

  const status = job.data?.status;
  // biome-ignore lint/correctness/useExhaustiveDependencies: refresh the inventory once, when the import is done
  useEffect(() => {
    if (status === 'done') void invalidate();
  }, [status]);

  const startOver = () => {
    setFile(null);
    setFileError(null);
    uploadImport.reset();
    confirmImport.reset();
    setSearchParams({ kind });
  };

  const choose = (chosen: File) => {
    const name = chosen.name.toLowerCase();
    setFile(null);
    if (!acceptedExtensions.some((ext) => name.endsWith(ext))) setFileError(t('imports.wrongType'));
    else if (chosen.size > maxUploadBytes) {
      setFileError(t('imports.tooLarge', { size: formatBytes(chosen.size), limit }));
    } else {
      setFileError(null);
      setFile(chosen);
    }
    return false; // never let the Upload component send it: the wizard does
  };

  const start = () => {
    if (!file) {
      setFileError(t('imports.fileRequired'));
      return;
    }
    setUploaded(0);
    uploadImport.mutate(
      {
        kind,
        file,
        onProgress: (sent, total) => setUploaded(total > 0 ? Math.round((sent / total) * 100) : 0),
      },
      { onSuccess: (created) => setSearchParams({ kind, job: created.id }) },
    );
  };

  const uploadError =
    uploadImport.error instanceof ApiError && uploadImport.error.status === 413
      ? t('imports.tooLargeServer')
      : uploadImport.error?.message;

  let step: Step = 0;
  let stepError = false;
  let body: ReactNode;
  let about: ReactNode = null;
  if (uploadImport.isPending) {
    step = 1;
    body = (
      <Working
        text={t('imports.uploading', { percent: uploaded })}
        percent={uploaded}
        hint={t('imports.checkingHint')}
      />
    );
  } else if (jobId && job.isPending) {
    step = 1;
    body = <Working text={t('common.loading')} />;
  } else if (jobId && job.isError) {
    body = (
      <Result
        status="warning"
        title={
          job.error instanceof ApiError && job.error.status === 404
            ? t('imports.jobMissing')
            : t('errors.loadFailed', { message: job.error.message })
        }
        extra={
          <Button type="primary" onClick={startOver}>
            {t('imports.startOver')}
          </Button>
        }
      />
    );
  } else if (jobId && job.data) {
    const j = job.data;
    ({ step, error: stepError } = stepOf(j));
    const report = j.report;
    const jobKind = report?.kind ?? j.kind.replace(/^import\./, '');
    about = (
      <Typography.Text type="secondary" data-testid="import-about">
        <FileExcelOutlined />{' '}
        {[isSheetKind(jobKind) ? t(`inventory.ledgers.${jobKind}`) : null, j.fileName]
          .filter(Boolean)
          .join(' · ')}
      </Typography.Text>
    );
    switch (j.status) {
      case 'validating':
        body = (
          <Working
            text={t('imports.validating', { rows: formatNumber(j.progress) })}
            hint={t('imports.checkingHint')}
          />
        );
        break;
      case 'invalid':
        body = <Problems job={j} onAgain={startOver} />;
        break;
      case 'validated':
        body = (
          <Flex vertical gap={16}>
            <Alert
              type="success"
              showIcon
              title={t('imports.validTitle', { rows: formatNumber(report?.rows ?? 0) })}
              description={t('imports.validHint')}
              data-testid="import-valid"
            />
            {/* The check compared every row with what is stored: these are what confirming will do. */}
            {report && (
              <Counts
                items={[
                  { label: t('imports.willInsert'), value: report.inserted, testId: 'will-insert' },
                  { label: t('imports.willUpdate'), value: report.updated, testId: 'will-update' },
                  { label: t('imports.unchanged'), value: report.unchanged, testId: 'will-keep' },
                  ...(report.kind === 'structures'
                    ? [{ label: t('imports.willLink'), value: report.linked ?? 0, testId: 'will-link' }]
                    : []),
                  ...(report.kind === 'compounds' || report.kind === 'structures'
                    ? []
                    : [
                        {
                          label: t('imports.willCreateBuildings'),
                          value: report.createdBuildings,
                          testId: 'will-create-buildings',
                        },
                      ]),
                ]}
              />
            )}
            {report && <Review report={report} />}
            {confirmImport.isError && <Alert type="error" showIcon title={confirmImport.error.message} />}
            <Flex gap={8} wrap>
              <Button
                type="primary"
                size="large"
                loading={confirmImport.isPending}
                onClick={() => confirmImport.mutate(j.id)}
              >
                {t('imports.confirm')}
              </Button>
              <Button size="large" onClick={startOver}>
                {t('imports.chooseAnother')}
              </Button>
            </Flex>
          </Flex>
        );
        break;
      case 'importing': {
        const rows = report?.rows ?? 0;
        body = (
          <Working
            text={t('imports.importing', { rows: formatNumber(j.progress) })}
            percent={rows > 0 ? Math.min(99, Math.round((j.progress / rows) * 100)) : undefined}
          />
        );
        break;
      }
      case 'done':
        body = (
          <Result
            status="success"
            title={t('imports.doneTitle')}
            subTitle={t('imports.doneHint', {
              rows: formatNumber(report?.rows ?? 0),
              file: j.fileName ?? '',
            })}
            extra={
              <Flex vertical gap={24} align="center">
                <div style={{ width: '100%', maxWidth: 480, textAlign: 'start' }}>
                  <Counts
                    items={[
                      { label: t('imports.inserted'), value: report?.inserted ?? 0, testId: 'inserted' },
                      { label: t('imports.updated'), value: report?.updated ?? 0, testId: 'updated' },
                      { label: t('imports.unchanged'), value: report?.unchanged ?? 0, testId: 'unchanged' },
                      report?.kind === 'structures'
                        ? { label: t('imports.linked'), value: report.linked ?? 0, testId: 'linked' }
                        : {
                            label: t('imports.createdBuildings'),
                            value: report?.createdBuildings ?? 0,
                            testId: 'created-buildings',
                          },
                    ]}
                  />
                </div>
                <Flex gap={8} wrap justify="center">
                  <Button type="primary" onClick={() => navigate(backTo)}>
                    {backLabel}
                  </Button>
                  <Button onClick={startOver}>{t('imports.importAnother')}</Button>
                </Flex>
              </Flex>
            }
            data-testid="import-done"
          />
        );
        break;
      case 'failed':
        body = (
          <Result
            status="error"
            title={t('imports.failedTitle')}
            subTitle={
              <>
                {j.error && <div>{j.error}</div>}
                {t('imports.failedHint')}
              </>
            }
            extra={
              <Button type="primary" onClick={startOver}>
                {t('imports.startOver')}
              </Button>
            }
          />
        );
        break;
    }
  } else {
    body = (
      <Flex vertical gap={20}>
        {uploadError && <Alert type="error" showIcon title={uploadError} />}
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.kind')}
          </Typography.Title>
          <Radio.Group
            value={kind}
            optionType="button"
            buttonStyle="solid"
            size="large"
            onChange={(e) => setKind(e.target.value as SheetKind)}
            options={kinds.map((k) => ({ value: k, label: t(`imports.kinds.${k}`) }))}
            aria-label={t('imports.kind')}
          />
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t(`imports.kindHelp.${kind}`)}
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary" style={{ marginTop: 4, marginBottom: 0 }}>
            {t('imports.blankCells')}
          </Typography.Paragraph>
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.templates')}
          </Typography.Title>
          <Flex gap={isPhone ? 0 : 16} wrap vertical={isPhone}>
            {kinds.map((k) => (
              <Typography.Link
                key={k}
                href={templateUrl(k)}
                download
                strong={k === kind}
                style={isPhone ? { display: 'inline-block', paddingBlock: 8 } : undefined}
              >
                <DownloadOutlined /> {t('imports.templateFor', { ledger: t(`inventory.ledgers.${k}`) })}
              </Typography.Link>
            ))}
          </Flex>
        </div>
        <div>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            {t('imports.file')}
          </Typography.Title>
          <Upload.Dragger
            accept={acceptedExtensions.join(',')}
            multiple={false}
            showUploadList={false}
            beforeUpload={choose}
            data-testid="import-file"
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{t('imports.drop')}</p>
            <p className="ant-upload-hint">{t('imports.dropHint', { limit })}</p>
          </Upload.Dragger>
          {file && (
            <Typography.Paragraph style={{ marginTop: 12, marginBottom: 0 }} data-testid="import-chosen">
              <FileExcelOutlined /> {t('imports.chosen', { name: file.name, size: formatBytes(file.size) })}
            </Typography.Paragraph>
          )}
          {fileError && <Alert type="error" showIcon title={fileError} style={{ marginTop: 12 }} />}
        </div>
        <div>
          <Button type="primary" size="large" disabled={!file} onClick={start} block={isPhone}>
            {t('imports.start')}
          </Button>
        </div>
      </Flex>
    );
  }

  const stepTitles = [
    t('imports.steps.choose'),
    t('imports.steps.check'),
    t('imports.steps.review'),
    t('imports.steps.write'),
    t('imports.steps.done'),
  ];
  return (
    <Flex vertical gap={16}>
      <Flex align="center" gap={8}>
        <Button
          type="text"
          icon={<ArrowLeftOutlined />}
          aria-label={backLabel}
          onClick={() => navigate(backTo)}
        />
        <Typography.Title level={3} style={{ margin: 0 }}>
          {kinds.length === 1 && kinds[0] === 'structures' ? t('imports.surveyTitle') : t('imports.title')}
        </Typography.Title>
      </Flex>
      <Card size="small">
        <Steps
          current={step}
          status={stepError ? 'error' : step === 4 ? 'finish' : 'process'}
          size="small"
          titlePlacement={isPhone ? 'vertical' : 'horizontal'}
          responsive={false}
          items={stepTitles.map((title) => ({ title }))}
        />
      </Card>
      <Card>
        {about && <div style={{ marginBottom: 16 }}>{about}</div>}
        {body}
      </Card>
    </Flex>
  );
}
