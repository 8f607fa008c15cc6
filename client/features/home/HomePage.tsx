import { useTranslation } from 'react-i18next';
import { Page } from '../../components/Page';
import { Card } from '../../components/Card';
import { useMe } from '../auth/queries';
import { homeWidgets } from './widgets';
import styles from './HomePage.module.css';

function greetingKey(hour: number): string {
  if (hour < 11) return 'greeting.morning';
  if (hour < 18) return 'greeting.day';
  return 'greeting.evening';
}

/** The personal start page: greeting, date and the registered widgets. */
export function HomePage() {
  const { t, i18n } = useTranslation('home');
  const me = useMe();
  const now = new Date();
  const date = new Intl.DateTimeFormat(i18n.resolvedLanguage ?? 'de', { dateStyle: 'full' }).format(
    now,
  );
  const firstName = me.displayName.split(' ')[0] ?? me.displayName;
  return (
    <Page
      title={t(greetingKey(now.getHours()), { name: firstName })}
      description={<time dateTime={now.toISOString().slice(0, 10)}>{date}</time>}
    >
      <div className={styles.wrap}>
        <div className={styles.grid}>
          {homeWidgets.map((w) => {
            const Widget = w.component;
            return (
              <Card key={w.id} title={t(w.titleKey)} className={styles[w.defaultSize]}>
                <Widget />
              </Card>
            );
          })}
        </div>
      </div>
    </Page>
  );
}
