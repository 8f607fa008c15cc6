import { createContext, useContext } from 'react';

/**
 * Where header popovers render: inside the banner landmark, so their content (including
 * react-aria's hidden dismiss buttons) is not "outside every landmark".
 */
export const OverlayContainerContext = createContext<HTMLElement | null>(null);

export const useOverlayContainer = (): Element | undefined =>
  useContext(OverlayContainerContext) ?? undefined;
