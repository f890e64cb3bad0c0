// A progress bar with words for what the import/export worker is doing.
import { useT } from '#client/context/ledger-context.tsx';
import type { Progress } from './transfer-client.ts';

export function ProgressLine({ progress }: { progress: Progress }) {
  const t = useT();
  const counted = progress.phase === 'plan' && progress.total > 0;
  return (
    <div className="transfer-progress" role="status">
      <progress value={counted ? progress.done : undefined} max={counted ? progress.total : undefined} />
      <span>{t(`import.phase.${progress.phase}`, { done: progress.done, total: progress.total })}</span>
    </div>
  );
}
