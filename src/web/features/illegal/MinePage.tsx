/**
 * 我的包保户: the structures not yet removed in the buildings, units and households the signed-in
 * cadre is assigned to, one card each with a large button to the structure (and its visit form):
 * made for a phone in one hand at the door.
 */
import { Button, Card, Flex, Pagination, Skeleton, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { StructureListQuery } from '../../../contract/illegal.js';
import { EmptyHint } from '../../shared/EmptyHint.js';
import { useListParams } from '../../shared/listParams.js';
import { LeaderTag, placeOf, StatusTag } from './labels.js';
import { useMyStructures } from './queries.js';

export function MinePage() {
  const { t } = useTranslation();
  const { query, update } = useListParams(StructureListQuery.pick({ page: true, pageSize: true }));
  const list = useMyStructures(query);
  return (
    <Flex vertical gap={12}>
      <Typography.Title level={4} style={{ margin: 0 }}>
        {t('illegal.mineTitle')}
      </Typography.Title>
      {list.isPending && <Skeleton active />}
      {list.data?.items.length === 0 && <EmptyHint text={t('illegal.mineEmpty')} />}
      {list.data?.items.map((s) => (
        <Card key={s.id} size="small" data-testid="my-structure" styles={{ body: { padding: 14 } }}>
          <Flex vertical gap={6}>
            <Flex gap={4} wrap>
              <StatusTag status={s.status} />
              <LeaderTag structure={s} />
            </Flex>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {s.compoundName} {placeOf(s)}
            </Typography.Text>
            <Typography.Text>
              {s.type}
              {s.verifiedArea !== null ? ` · ${s.verifiedArea} ㎡` : ''}
            </Typography.Text>
            {s.location && <Typography.Text>{s.location}</Typography.Text>}
            <Typography.Text type="secondary" style={{ fontSize: 13 }}>
              {s.lastVisit
                ? `${t('illegal.lastVisit')}：${s.lastVisit.on} ${t(`illegal.outcomes.${s.lastVisit.outcome}`)}`
                : t('illegal.noVisit')}
            </Typography.Text>
            <Link to={`/illegal/${s.id}`}>
              <Button type="primary" size="large" block>
                {t('illegal.addVisit')}
              </Button>
            </Link>
          </Flex>
        </Card>
      ))}
      {(list.data?.total ?? 0) > query.pageSize && (
        <Pagination
          simple
          current={query.page}
          pageSize={query.pageSize}
          total={list.data?.total}
          onChange={(page) => update({ page })}
        />
      )}
    </Flex>
  );
}
