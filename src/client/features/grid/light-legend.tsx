// The legend of the warning lights beside the ledger: each light's colour, name and what it means.
import { type LightScheme, lightLabelKey, lightRank, warningLights } from '#shared/model/warning.ts';
import { useT } from '#client/context/ledger-context.tsx';

const order = [...warningLights].sort((a, b) => lightRank(a) - lightRank(b));

export function LightLegend({ scheme }: { scheme: LightScheme }) {
  const t = useT();
  return (
    <p className="light-legend" aria-label={t('legend.title')} data-testid="light-legend">
      <strong>{t('legend.title')}</strong>
      {order.map((light) => (
        <span key={light} className="light-legend__item">
          <span className={`light light--${light}`} /> {t(lightLabelKey(light, scheme))}
          <small>{t(`tasks.groupHint.${light}`)}</small>
        </span>
      ))}
    </p>
  );
}
