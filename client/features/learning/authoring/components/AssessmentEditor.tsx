import { useTranslation } from 'react-i18next';
import type { AssessmentItemDTO } from '@shared/learning/types';
import { Button } from '../../../../components/Button';
import { TextField } from '../../../../components/TextField';
import { announce } from '../../../../components/LiveAnnouncer';
import { useEditorTools } from '../context';
import { newItemId } from '../draft';
import { fieldId } from '../errors';
import { AreaField } from './fields';
import { MoveButtons, afterMoveFocus } from './MoveButtons';
import styles from '../authoring.module.css';

/** Self-assessment statements (rated 1..5 by the learner), grouped by area. */
export function AssessmentEditor({ items }: { items: AssessmentItemDTO[] }) {
  const { t } = useTranslation('learningAuthor');
  const { dispatch, issue, focusLater } = useEditorTools();
  const add = () => {
    const id = newItemId();
    const area = items.at(-1)?.area ?? '';
    dispatch({ type: 'addItem', item: { id, area, statement: '' } });
    focusLater(fieldId(id, 'statement'));
  };
  return (
    <section className={styles.stack} aria-labelledby="assessment-heading">
      <h2 id="assessment-heading" className={styles.itemTitle}>
        {t('assessment.heading')}
      </h2>
      <p className={styles.muted}>{t('assessment.help')}</p>
      {items.map((item, i) => {
        const name = t('assessment.item', { n: i + 1 });
        return (
          <fieldset key={item.id} className={styles.fieldset}>
            <legend>{name}</legend>
            <TextField
              id={fieldId(item.id, 'area')}
              label={t('assessment.area')}
              value={item.area}
              maxLength={60}
              isRequired
              onChange={(area) =>
                dispatch({ type: 'updateItem', itemId: item.id, patch: { area } })
              }
              errorMessage={issue(fieldId(item.id, 'area'))}
            />
            <AreaField
              id={fieldId(item.id, 'statement')}
              label={t('assessment.statement')}
              value={item.statement}
              maxLength={500}
              rows={2}
              isRequired
              onChange={(statement) =>
                dispatch({ type: 'updateItem', itemId: item.id, patch: { statement } })
              }
              errorMessage={issue(fieldId(item.id, 'statement'))}
            />
            <div className={styles.row}>
              <MoveButtons
                name={name}
                idPrefix={`m-${item.id}`}
                canUp={i > 0}
                canDown={i < items.length - 1}
                onMove={(dir) => {
                  dispatch({ type: 'moveItem', itemId: item.id, dir });
                  focusLater(afterMoveFocus(`m-${item.id}`, dir, i + dir, items.length));
                  announce(t('assessment.moved', { position: i + dir + 1, count: items.length }));
                }}
              />
              <Button
                size="small"
                variant="danger"
                aria-label={t('assessment.removeNamed', { name })}
                onPress={() => {
                  dispatch({ type: 'removeItem', itemId: item.id });
                  const next = items[i + 1] ?? items[i - 1];
                  focusLater(next ? fieldId(next.id, 'statement') : fieldId('assessment', 'add'));
                  announce(t('assessment.removed', { n: i + 1 }));
                }}
              >
                {t('assessment.remove')}
              </Button>
            </div>
          </fieldset>
        );
      })}
      <div className={styles.row}>
        <Button id={fieldId('assessment', 'add')} onPress={add} isDisabled={items.length >= 100}>
          {t('assessment.add')}
        </Button>
      </div>
    </section>
  );
}
