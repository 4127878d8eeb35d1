import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { Severity, TicketStatus } from '../api/types';
import { SEVERITY_LABELS, STATUS_LABELS } from '../format/labels';

const STATUS_COLORS: Record<TicketStatus, BadgeProps['color']> = {
  new: 'brand',
  taken: 'informative',
  'in-progress': 'informative',
  'waiting-beneficiary': 'warning',
  resolved: 'success',
  closed: 'subtle',
};

/** The ticket's status in words; the colour only repeats what the text says. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge appearance="tint" color={STATUS_COLORS[status]} shape="rounded">
      {STATUS_LABELS[status] ?? status}
    </Badge>
  );
}

const SEVERITY_COLORS: Record<Severity, BadgeProps['color']> = {
  1: 'danger',
  2: 'severe',
  3: 'warning',
  4: 'informative',
};

/** "Gravité 2" with its meaning as the accessible description (title) for hover and screen readers. */
export function SeverityBadge({ severity }: { severity: Severity }) {
  const meaning = SEVERITY_LABELS[severity] ?? '';
  return (
    <Badge appearance="tint" color={SEVERITY_COLORS[severity]} shape="rounded" title={meaning}>
      Gravité {severity}
    </Badge>
  );
}
