/** The HTML report's browser script (html-client.page.js), as text: the build inlines it as a string. */
declare const source: string;
export default source;
