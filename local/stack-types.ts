export interface StackUrls {
  /** The API and the portal web app: one origin. */
  app: string;
  /** `http://localhost:<PORT>`: what links in e-mails point at. */
  portal: string;
  /** Mail viewer and local SES v2 endpoint. */
  mail: string;
  dynamodb: string;
}
