/** 违建 › 导入调查表: the inventory's import wizard over the survey sheet (same engine, same review). */
import { ImportPage } from '../inventory/ImportPage.js';

const kinds = ['structures'] as const;

export function SurveyImportPage() {
  return <ImportPage kinds={kinds} backTo="/illegal" />;
}
