import { useTranslation } from 'react-i18next';
import { Label, Radio, RadioGroup, Switch, Text } from 'react-aria-components';
import type { Settings, UpdateSettingsInput } from '@shared/people/schemas';
import { Page } from '../../components/Page';
import { Card } from '../../components/Card';
import { ErrorMessage } from '../../components/ErrorMessage';
import { announce } from '../../components/LiveAnnouncer';
import { useMe, useUpdateSettings } from '../auth/queries';
import styles from './SettingsPage.module.css';

const textSizes: Settings['textSize'][] = [100, 125, 150, 175, 200];

/** Language, text size, contrast and motion; each change applies and saves at once. */
export function SettingsPage() {
  const { t } = useTranslation('settings');
  const me = useMe();
  const update = useUpdateSettings();
  const settings = me.settings;

  const save = (input: UpdateSettingsInput) =>
    update.mutate(input, { onSuccess: () => announce(t('saved')) });

  return (
    <Page title={t('title')} description={t('intro')}>
      {update.isError ? <ErrorMessage error={update.error} /> : null}
      <div className={styles.grid}>
        <Card title={t('language.title')}>
          <RadioGroup
            className={styles.group}
            value={settings.language}
            onChange={(v) => save({ language: v === 'en' ? 'en' : 'de' })}
          >
            <Label className={styles.legend}>{t('language.label')}</Label>
            <div className={styles.options}>
              <Radio value="de" className={styles.radio}>
                <span lang="de">Deutsch</span>
              </Radio>
              <Radio value="en" className={styles.radio}>
                <span lang="en">English</span>
              </Radio>
            </div>
          </RadioGroup>
        </Card>

        <Card title={t('textSize.title')}>
          <RadioGroup
            className={styles.group}
            value={String(settings.textSize)}
            onChange={(v) => save({ textSize: Number(v) as Settings['textSize'] })}
          >
            <Label className={styles.legend}>{t('textSize.label')}</Label>
            <Text slot="description" className={styles.description}>
              {t('textSize.description')}
            </Text>
            <div className={styles.options}>
              {textSizes.map((size) => (
                <Radio key={size} value={String(size)} className={styles.radio}>
                  {t('textSize.option', { size })}
                </Radio>
              ))}
            </div>
          </RadioGroup>
        </Card>

        <Card title={t('display.title')}>
          <div className={styles.switches}>
            <Switch
              className={styles.switch}
              isSelected={settings.contrast === 'high'}
              onChange={(on) => save({ contrast: on ? 'high' : 'standard' })}
            >
              <span className={styles.track} aria-hidden="true">
                <span className={styles.thumb} />
              </span>
              <span className={styles.switchText}>
                <span className={styles.switchLabel}>{t('display.contrast')}</span>
                <span className={styles.description}>{t('display.contrastHint')}</span>
              </span>
            </Switch>
            <Switch
              className={styles.switch}
              isSelected={settings.reducedMotion}
              onChange={(on) => save({ reducedMotion: on })}
            >
              <span className={styles.track} aria-hidden="true">
                <span className={styles.thumb} />
              </span>
              <span className={styles.switchText}>
                <span className={styles.switchLabel}>{t('display.motion')}</span>
                <span className={styles.description}>{t('display.motionHint')}</span>
              </span>
            </Switch>
          </div>
        </Card>
      </div>
    </Page>
  );
}
