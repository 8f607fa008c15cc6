import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  ComboBox,
  Input,
  Label,
  ListBox,
  ListBoxItem,
  Popover,
  Tab,
  TabList,
  TabPanel,
  Tabs,
  Text,
  type Key,
} from 'react-aria-components';
import { pageLinkHref, PAGE_LINK_RE } from '@shared/wiki/extensions';
import type { WikiSearchHitDTO } from '@shared/wiki/types';
import { FormDialog } from '../../people/components/FormDialog';
import { useDebouncedValue } from '../../people/useDebouncedValue';
import { TextField } from '../../../components/TextField';
import { Button } from '../../../components/Button';
import { useWikiSearch } from '../queries';
import fields from '../../../components/fields.module.css';
import forms from '../../people/components/forms.module.css';
import styles from './editor.module.css';

/** Link targets the editor accepts (the server's sanitiser drops anything else anyway). */
export const isSafeHref = (href: string) =>
  /^(https?:\/\/\S+|mailto:\S+|\/(?!\/)\S*)$/i.test(href.trim());

/** The shared regex is global (stateful); a fresh non-global copy answers yes/no. */
const isPageLink = (href: string) => new RegExp(PAGE_LINK_RE.source, 'i').test(href);

export interface LinkChoice {
  href: string;
  /** Text to insert when nothing is selected (the page title for page links). */
  text: string;
}

/**
 * The link dialog: a web address, or a wiki page found by title (`GET /api/wiki/search`), which
 * becomes an ordinary link to `/wiki/p/<id>`. An empty address removes the link.
 */
export function LinkDialog({
  isOpen,
  onOpenChange,
  initialHref,
  onApply,
  onRemove,
}: {
  isOpen: boolean;
  onOpenChange: (open: boolean) => void;
  initialHref: string;
  onApply: (choice: LinkChoice) => void;
  onRemove: () => void;
}) {
  const { t } = useTranslation('wikiEditor');
  const [tab, setTab] = useState<Key>(() => (isPageLink(initialHref) ? 'page' : 'url'));
  const [href, setHref] = useState(initialHref);
  const [query, setQuery] = useState('');
  const debounced = useDebouncedValue(query.trim(), 250);
  const search = useWikiSearch(debounced);
  const hits = useMemo(() => (search.data ?? []).slice(0, 8), [search.data]);

  const close = () => onOpenChange(false);
  const submitUrl = () => {
    const v = href.trim();
    if (v === '') onRemove();
    else if (isSafeHref(v)) onApply({ href: v, text: v });
    else return;
    close();
  };
  const pick = (key: Key | null) => {
    const hit = hits.find((h) => h.id === key);
    if (!hit) return;
    onApply({ href: pageLinkHref(hit.id), text: hit.title });
    close();
  };

  return (
    <FormDialog title={t('link.title')} isOpen={isOpen} onOpenChange={onOpenChange}>
      <Tabs selectedKey={tab} onSelectionChange={setTab}>
        <TabList aria-label={t('link.kind')} className={styles.tabList}>
          <Tab id="url" className={styles.tab}>
            {t('link.urlTab')}
          </Tab>
          <Tab id="page" className={styles.tab}>
            {t('link.pageTab')}
          </Tab>
        </TabList>
        <TabPanel id="url" className={styles.tabPanel}>
          <form
            className={forms.form}
            onSubmit={(e) => {
              e.preventDefault();
              e.stopPropagation();
              submitUrl();
            }}
          >
            <TextField
              label={t('link.url')}
              description={t('link.urlHelp')}
              value={href}
              onChange={setHref}
              errorMessage={href.trim() && !isSafeHref(href) ? t('link.invalid') : undefined}
            />
            <div className={forms.buttons}>
              <Button type="submit" variant="primary">
                {href.trim() ? t('link.apply') : t('link.remove')}
              </Button>
              <Button variant="secondary" onPress={close}>
                {t('cancel')}
              </Button>
            </div>
          </form>
        </TabPanel>
        <TabPanel id="page" className={styles.tabPanel}>
          <ComboBox
            className={fields.field}
            items={hits}
            inputValue={query}
            onInputChange={setQuery}
            onSelectionChange={pick}
            menuTrigger="input"
            allowsEmptyCollection
          >
            <Label className={fields.label}>{t('link.page')}</Label>
            <Text slot="description" className={fields.description}>
              {t('link.pageHelp')}
            </Text>
            <Input className={fields.input} />
            <Popover className={fields.popover}>
              <ListBox
                className={fields.listBox}
                renderEmptyState={() => (
                  <p className={styles.empty}>
                    {debounced.length < 2
                      ? t('link.typeMore')
                      : search.isFetching
                        ? t('link.searching')
                        : t('link.noResults')}
                  </p>
                )}
              >
                {(hit: WikiSearchHitDTO) => (
                  <ListBoxItem id={hit.id} textValue={hit.title} className={fields.option}>
                    <span className={styles.optionTitle}>{hit.title}</span>
                    <span className={styles.optionMeta}>
                      {[hit.spaceName, ...hit.breadcrumbs.map((b) => b.title)].join(' › ')}
                    </span>
                  </ListBoxItem>
                )}
              </ListBox>
            </Popover>
          </ComboBox>
          <div className={forms.buttons}>
            <Button variant="secondary" onPress={close}>
              {t('cancel')}
            </Button>
          </div>
        </TabPanel>
      </Tabs>
    </FormDialog>
  );
}
