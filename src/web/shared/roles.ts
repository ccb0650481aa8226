import { useTranslation } from 'react-i18next';
import { type Role, roles } from '../../domain/access.js';

/** Role names in the interface language, and select options over all roles. */
export function useRoleLabels() {
  const { t } = useTranslation();
  const label = (role: Role) => t(`roles.${role}`);
  const options = roles.map((role) => ({ value: role, label: label(role) }));
  return { label, options };
}
