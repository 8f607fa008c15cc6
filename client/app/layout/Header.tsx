import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../../components/icons';
import { NotificationBell } from '../../features/notifications/NotificationBell';
import { MainNav } from './MainNav';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { UserMenu } from './UserMenu';
import { MobileMenu } from './MobileMenu';
import { OverlayContainerContext } from './overlayContainer';
import styles from './Header.module.css';

/** The banner: brand, main navigation, search, language, notifications, user menu. */
export function Header() {
  const { t } = useTranslation('common');
  const [overlays, setOverlays] = useState<HTMLDivElement | null>(null);
  return (
    <OverlayContainerContext.Provider value={overlays}>
      <header className={styles.header}>
        <div className={styles.accent} aria-hidden="true" />
        <div className={styles.container}>
          <div className={styles.top}>
            <div className={styles.narrowOnly}>
              <MobileMenu />
            </div>
            <Link to="/" className={styles.brand}>
              <LogoMark className={styles.logo} />
              <span className={styles.brandText}>
                <span className={styles.brandName}>{t('appShort')}</span>
                <span className={styles.brandCity}>{t('city')}</span>
              </span>
            </Link>
            <div className={`${styles.search} ${styles.wideOnly}`}>
              <HeaderSearch />
            </div>
            <div className={styles.tools}>
              <div className={styles.wideOnly}>
                <LanguageSwitch tone="dark" />
              </div>
              <NotificationBell />
              <UserMenu />
            </div>
          </div>
          <div className={`${styles.navRow} ${styles.wideOnly}`}>
            <MainNav />
          </div>
        </div>
        <div ref={setOverlays} />
      </header>
    </OverlayContainerContext.Provider>
  );
}
