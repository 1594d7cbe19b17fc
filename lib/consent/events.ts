/** Browser events between the consent banner, the footer link and the view counter. */
export const CONSENT_CHANGE_EVENT = 'portal:consent-change';
export const OPEN_CONSENT_SETTINGS_EVENT = 'portal:consent-settings';

export interface ConsentChangeDetail {
  statistics: boolean;
}
