import { useTranslation } from 'react-i18next';
import { Button } from '../../../../components/Button';
import type { Dir } from '../draft';

/** "Nach oben" / "Nach unten" for one item; the accessible name says which item. */
export function MoveButtons({
  name,
  idPrefix,
  canUp,
  canDown,
  onMove,
}: {
  name: string;
  /** Ids `<idPrefix>-up` / `-down`, so focus can return to the button after the move. */
  idPrefix: string;
  canUp: boolean;
  canDown: boolean;
  onMove: (dir: Dir) => void;
}) {
  const { t } = useTranslation('learningAuthor');
  return (
    <>
      <Button
        id={`${idPrefix}-up`}
        size="small"
        variant="secondary"
        isDisabled={!canUp}
        aria-label={t('move.upNamed', { name })}
        onPress={() => onMove(-1)}
      >
        {t('move.up')}
      </Button>
      <Button
        id={`${idPrefix}-down`}
        size="small"
        variant="secondary"
        isDisabled={!canDown}
        aria-label={t('move.downNamed', { name })}
        onPress={() => onMove(1)}
      >
        {t('move.down')}
      </Button>
    </>
  );
}

/** After a move: the same button again, or its sibling when the item reached the end. */
export function afterMoveFocus(idPrefix: string, dir: Dir, newIndex: number, count: number) {
  const atEnd = dir < 0 ? newIndex === 0 : newIndex === count - 1;
  const same = dir < 0 ? 'up' : 'down';
  const other = dir < 0 ? 'down' : 'up';
  return `${idPrefix}-${atEnd ? other : same}`;
}
