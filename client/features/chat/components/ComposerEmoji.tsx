import { useState } from 'react';
import { Button, Dialog, DialogTrigger, Popover } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { composerEmoji } from '../emoji';
import { EmojiGrid } from './ReactionPicker';
import styles from './Composer.module.css';

/** The composer's emoji button: a popover grid; picking inserts the emoji and closes it. */
export function ComposerEmoji({
  disabled,
  onPick,
}: {
  disabled?: boolean;
  onPick: (emoji: string) => void;
}) {
  const { t } = useTranslation('chatMessages');
  const [open, setOpen] = useState(false);
  return (
    <DialogTrigger isOpen={open} onOpenChange={setOpen}>
      <Button className={styles.tool} aria-label={t('composer.emoji')} isDisabled={disabled}>
        <span aria-hidden="true">😊</span>
      </Button>
      <Popover className={styles.popover} placement="top start">
        <Dialog className={styles.dialog} aria-label={t('composer.emoji')}>
          <EmojiGrid
            columns={5}
            label={t('composer.emoji')}
            items={composerEmoji.map((e) => ({
              key: e.emoji,
              emoji: e.emoji,
              label: t(`composer.emojiNames.${e.name}`),
            }))}
            onPick={(emoji) => {
              setOpen(false);
              onPick(emoji);
            }}
          />
        </Dialog>
      </Popover>
    </DialogTrigger>
  );
}
