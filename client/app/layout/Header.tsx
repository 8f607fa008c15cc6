import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LogoMark } from '../../components/icons';
import { MainNav } from './MainNav';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import { BellStandIn, MobileMenuStandIn, UserMenuStandIn } from './LightTriggers';
import { useHeaderOverlays } from './useHeaderOverlays';
import { OverlayContainerContext } from './overlayContainer';
import styles from './Header.module.css';

/**
 * The banner: brand, main navigation, search, language, notifications, user menu. Menus and
 * dialogs are not part of the first paint: stand-in triggers until their code has loaded.
 */
export function Header() {
  const { t } = useTranslation('common');
  const [container, setContainer] = useState<HTMLDivElement | null>(null);
  const { overlays, opened, open, closed } = useHeaderOverlays();
  const intent = (slot: 'user' | 'mobile' | 'bell') =>
    opened?.slot === slot ? opened.intent : undefined;
  const onOpenChange = (slot: 'user' | 'mobile' | 'bell') => (isOpen: boolean) => {
    if (!isOpen) closed(slot);
  };
  return (
    <OverlayContainerContext.Provider value={container}>
      <header className={styles.header}>
        <div className={styles.accent} aria-hidden="true" />
        <div className={styles.container}>
          <div className={styles.top}>
            <div className={styles.narrowOnly} data-overlay-host="mobile">
              {overlays ? (
                <overlays.MobileMenu
                  openIntent={intent('mobile')}
                  onOpenChange={onOpenChange('mobile')}
                />
              ) : (
                <MobileMenuStandIn onOpen={open} />
              )}
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
              <span className={styles.slot} data-overlay-host="bell">
                {overlays ? (
                  <overlays.NotificationBell
                    defaultOpen={intent('bell') !== undefined}
                    onOpenChange={onOpenChange('bell')}
                  />
                ) : (
                  <BellStandIn onOpen={open} />
                )}
              </span>
              <span className={styles.slot} data-overlay-host="user">
                {overlays ? (
                  <overlays.UserMenu
                    openIntent={intent('user')}
                    onOpenChange={onOpenChange('user')}
                  />
                ) : (
                  <UserMenuStandIn onOpen={open} />
                )}
              </span>
            </div>
          </div>
          <div className={`${styles.navRow} ${styles.wideOnly}`}>
            <MainNav />
          </div>
        </div>
        <div ref={setContainer} />
      </header>
    </OverlayContainerContext.Provider>
  );
}
