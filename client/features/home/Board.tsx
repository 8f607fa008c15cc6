import { useTranslation } from 'react-i18next';
import type { WidgetPlacement } from '@shared/home/widgets';
import { Card } from '../../components/Card';
import { homeWidgets } from './widgets';
import styles from './HomePage.module.css';

/** The start page's cards in the person's order and sizes. */
export function Board({ widgets }: { widgets: WidgetPlacement[] }) {
  const { t } = useTranslation('home');
  return (
    <div className={styles.wrap}>
      <div className={styles.grid}>
        {widgets.map((w) => {
          const def = homeWidgets[w.id];
          const Widget = def.component;
          return (
            <Card
              key={w.id}
              title={t(def.titleKey)}
              className={`${styles[w.size]} ${styles.widget}`}
            >
              <div style={{ minHeight: `${def.minHeight}rem` }} className={styles.widgetBody}>
                <Widget size={w.size} />
              </div>
            </Card>
          );
        })}
      </div>
    </div>
  );
}

/** Placeholders with the cards' sizes while the board loads (no layout shift). */
export function BoardSkeleton({ widgets }: { widgets: WidgetPlacement[] }) {
  const { t } = useTranslation('home');
  return (
    <div className={styles.wrap} aria-busy="true">
      <p className="visually-hidden" role="status">
        {t('loading')}
      </p>
      <div className={styles.grid} aria-hidden="true">
        {widgets.map((w) => (
          <Card
            key={w.id}
            className={`${styles[w.size]} ${styles.widget}`}
            title={t(homeWidgets[w.id].titleKey)}
          >
            <div
              className={styles.skeleton}
              style={{ minHeight: `${homeWidgets[w.id].minHeight}rem` }}
            >
              <span className={styles.bone} />
              <span className={styles.bone} />
              <span className={`${styles.bone} ${styles.boneShort}`} />
            </div>
          </Card>
        ))}
      </div>
    </div>
  );
}
