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
import type { OpenIntent } from './useHeaderOverlays';
import styles from './MobileMenu.module.css';

/**
 * On narrow screens (or with large text) navigation, search and language live in this dialog.
 * `openIntent`: open at once (its stand-in trigger was pressed before this code had loaded).
 */
export function MobileMenu({
  openIntent,
  onOpenChange,
}: {
  openIntent?: OpenIntent;
  onOpenChange?: (isOpen: boolean) => void;
}) {
  const { t } = useTranslation('common');
  return (
    <DialogTrigger defaultOpen={openIntent !== undefined} onOpenChange={onOpenChange}>
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
