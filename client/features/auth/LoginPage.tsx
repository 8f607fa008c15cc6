import { useEffect, useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { safeReturnTo } from '@shared/auth/return-to';
import { TextField } from '../../components/TextField';
import { Button, buttonClassName } from '../../components/Button';
import { ErrorMessage } from '../../components/ErrorMessage';
import { LogoMark } from '../../components/icons';
import { LoginLanguageSwitch } from './LoginLanguageSwitch';
import { useAuthConfig, useLogin } from './queries';
import styles from './LoginPage.module.css';

/** Sign in with user name and password, or single sign-on when it is configured. */
export function LoginPage() {
  const { t } = useTranslation(['auth', 'common']);
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const login = useLogin();
  const config = useAuthConfig();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});
  const returnTo = safeReturnTo(params.get('returnTo'));
  const reason = params.get('reason');
  const ssoError = params.get('error');

  useEffect(() => {
    document.title = `${t('auth:title')} – ${t('common:appShort')}`;
  }, [t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const nextMissing = { username: !username.trim(), password: !password };
    setMissing(nextMissing);
    if (nextMissing.username || nextMissing.password) return;
    login.mutate(
      { username, password },
      { onSuccess: () => void navigate(returnTo, { replace: true }) },
    );
  };

  return (
    <div className={styles.screen}>
      <header className={styles.banner}>
        <div className={styles.bannerInner}>
          <span className={styles.brand}>
            <LogoMark className={styles.logo} />
            <span>{t('common:appName')}</span>
          </span>
          <LoginLanguageSwitch />
        </div>
      </header>
      <main id="main" className={styles.main}>
        <div className={styles.card}>
          <h1 className={styles.title}>{t('auth:title')}</h1>
          <p className={styles.intro}>{t('auth:intro')}</p>
          {reason ? (
            <p className={styles.notice} role="status">
              {t(reason === 'logout' ? 'auth:reason.logout' : 'auth:reason.ended')}
            </p>
          ) : null}
          {ssoError ? (
            <p className={styles.error} role="alert">
              {t(ssoError === 'sso_unknown' ? 'auth:ssoUnknown' : 'auth:ssoFailed')}
            </p>
          ) : null}
          <form className={styles.form} onSubmit={submit} noValidate>
            <TextField
              label={t('auth:username')}
              name="username"
              autoComplete="username"
              value={username}
              onChange={setUsername}
              isRequired
              errorMessage={missing.username ? t('auth:usernameRequired') : undefined}
            />
            <TextField
              label={t('auth:password')}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={setPassword}
              isRequired
              errorMessage={missing.password ? t('auth:passwordRequired') : undefined}
            />
            {login.isError ? <ErrorMessage error={login.error} /> : null}
            {/* Not isPending: its announcement would point at this button after it is gone. */}
            <Button type="submit" variant="primary" isDisabled={login.isPending}>
              {t('auth:submit')}
            </Button>
          </form>
          {config.data?.oidc.enabled ? (
            <div className={styles.sso}>
              <p className={styles.or}>
                <span>{t('auth:or')}</span>
              </p>
              {/* A full page load: the identity provider's redirect flow leaves the SPA. */}
              <a
                className={buttonClassName({ variant: 'secondary' })}
                href={`/api/auth/oidc/start?returnTo=${encodeURIComponent(returnTo)}`}
              >
                {config.data.oidc.label
                  ? t('auth:ssoWith', { label: config.data.oidc.label })
                  : t('auth:sso')}
              </a>
            </div>
          ) : null}
          <p className={styles.help}>{t('auth:help')}</p>
        </div>
      </main>
    </div>
  );
}
