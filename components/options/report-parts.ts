// The loop report's colours and bar parts, shared by its charts (LoopReport.tsx, AccountReport.tsx),
// so a verdict or an SLA outcome is the same colour in every chart.
import { t } from '../../lib/ui/i18n';
import type { Verdict } from '../../lib/domain/model';
import { VERDICT_LABELS } from '../card/strings';
import type { BarPart } from './BarChart';

/** Colour-blind-safe hues (Okabe-Ito), each verdict always the same, and the ink its numbers take on it (4.5:1). */
export const VERDICT_COLORS: Record<Verdict, string> = { good_lead: '#009E73', not_a_fit: '#D55E00', bad_timing: '#E69F00', wrong_contact: '#0072B2' };
const VERDICT_INK: Record<Verdict, string> = { good_lead: '#000', not_a_fit: '#000', bad_timing: '#000', wrong_contact: '#fff' };
export const OUTCOME_COLORS = { met: '#009E73', missed: '#D55E00', open: '#8c959f' } as const;

export const verdictPart = (verdict: Verdict, value: number): BarPart => ({ name: t(VERDICT_LABELS[verdict]), value, color: VERDICT_COLORS[verdict], ink: VERDICT_INK[verdict] });
export const verdictLegend = (verdicts: readonly Verdict[]) => verdicts.map((verdict) => ({ name: t(VERDICT_LABELS[verdict]), color: VERDICT_COLORS[verdict] }));
