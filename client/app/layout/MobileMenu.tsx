import { useTranslation } from 'react-i18next';
import {
  Button as AriaButton,
  Dialog,
  DialogTrigger,
  Heading,
  Modal,
  ModalOverlay,
} from 'react-aria-components';
import { CloseIcon, MenuIcon } from '../../components/icons';
import { MainNav } from './MainNav';
import { HeaderSearch } from './HeaderSearch';
import { LanguageSwitch } from './LanguageSwitch';
import styles from './MobileMenu.module.css';

/** On narrow screens (or with large text) navigation, search and language live in this dialog. */
export function MobileMenu() {
  const { t } = useTranslation('common');
  return (
    <DialogTrigger>
      <AriaButton className={styles.trigger}>
        <MenuIcon className={styles.icon} />
        <span className={styles.triggerLabel}>{t('menu.open')}</span>
      </AriaButton>
      <ModalOverlay className={styles.overlay} isDismissable>
        <Modal className={styles.modal}>
          <Dialog className={styles.dialog}>
            {({ close }) => (
              <>
                <div className={styles.head}>
                  <Heading slot="title" className={styles.title}>
                    {t('menu.title')}
                  </Heading>
                  <AriaButton className={styles.close} onPress={close} aria-label={t('menu.close')}>
                    <CloseIcon className={styles.icon} />
                  </AriaButton>
                </div>
                <HeaderSearch tone="light" onSearch={close} />
                <MainNav vertical onNavigate={close} />
                <div className={styles.language}>
                  <LanguageSwitch />
                </div>
              </>
            )}
          </Dialog>
        </Modal>
      </ModalOverlay>
    </DialogTrigger>
  );
}
