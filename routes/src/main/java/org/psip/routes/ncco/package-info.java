/**
 * The NCCO an application's answer_url returns, as a typed, validated model.
 *
 * <h2>The model</h2>
 * An {@link org.psip.routes.ncco.Ncco} is the list of actions in the order they run. Each action the NCCO
 * reference defines is a record under the sealed {@link org.psip.routes.ncco.NccoAction}: connect, talk, stream,
 * input, record, conversation and notify; a connect's endpoints are records under the sealed
 * {@link org.psip.routes.ncco.Endpoint}: sip (a URI, or a domain and user as the Vonage SDKs allow; custom headers
 * to send as {@code X-<key>}; User-to-User), phone, websocket (headers kept as JSON, nested values included), app
 * and vbc. {@link org.psip.routes.ncco.NccoAction#describe()} names an action for a Reason header, e.g.
 * {@code connect to websocket}.
 * <ul>
 * <li>Numbers and flags the reference gives a default for hold it when left out (talk's loop 1, connect's
 * timeout 60 and limit 7200, eventMethod POST...); text, and numbers without a default, are null.</li>
 * <li>Fields the model does not know are kept, as JSON, in each action's, endpoint's or settings'
 * {@code extras()}: the platform's NCCO keeps growing. An unknown action or endpoint type is invalid.</li>
 * <li>Lists and maps are unmodifiable. Jackson has no immutable tree, so JSON values (extras, WebSocket headers,
 * notify's payload) are private copies to be treated as read-only.</li>
 * </ul>
 *
 * <h2>Validation</h2>
 * {@link org.psip.routes.ncco.NccoParser} throws {@link org.psip.routes.ncco.InvalidNccoException} for the first
 * problem: the answer as a whole, then each action in order, and within an action its fields in the order of the
 * reference's tables. The message reads {@code <location>: <problem>}, e.g. {@code [1].endpoint[0].uri: missing},
 * or just the problem for the whole answer ({@code not a JSON array}, {@code the NCCO is empty},
 * {@code not valid JSON at line 5 column 5: ...}). It has no double quotes, backslashes or line breaks, quotes at
 * most 40 characters of the application's text and is at most 160 characters long, so it can go into a SIP
 * Reason header as it is.
 *
 * <h3>Lenient, because published examples or SDKs send it</h3>
 * <ul>
 * <li>A numeric string for a number ({@code "timeout": "45"}); a whole number written {@code 45.0}.</li>
 * <li>The strings {@code "true"} and {@code "false"} for a flag.</li>
 * <li>A field set to JSON null counts as not given.</li>
 * <li>eventMethod in any case; musicOnHoldUrl as one URL or an array.</li>
 * <li>input without {@code type}: the settings given say which kinds (DTMF when none).</li>
 * <li>Numbers and true/false as SIP header values, sent as their text; onAnswer's older {@code ringback} key.</li>
 * </ul>
 *
 * <h3>Strict, because the call could not be carried out as the application meant</h3>
 * <ul>
 * <li>Required: connect's endpoint (exactly one, as the reference allows), a sip endpoint's uri or domain (not
 * both), phone's number, websocket's uri, app's user, vbc's extension, talk's text, stream's streamUrl,
 * conversation's name, notify's payload (an object) and eventUrl.</li>
 * <li>Arrays where the reference has arrays: endpoint, eventUrl, streamUrl, input's type, canSpeak, canHear.</li>
 * <li>URLs psip can use: eventUrl, streamUrl, musicOnHoldUrl, ringbackTone and onAnswer's url are http or https;
 * a sip uri is {@code sip:} or {@code sips:}; a websocket uri {@code ws:} or {@code wss:}.</li>
 * <li>What goes into an INVITE cannot write SIP of its own: header names are SIP tokens, header values and from
 * are one line, and standardHeaders is User-to-User only.</li>
 * <li>phone numbers are E.164 (up to 15 digits after an optional +); dtmfAnswer holds digits, *, # and p.</li>
 * <li>Values the reference lists (format, split, machineDetection, eventType, input type...) and GET or POST.</li>
 * <li>Contradictions: randomFromNumber with from; mute with canSpeak.</li>
 * <li>JSON the application's intent is in doubt for: duplicate keys, anything after the array.</li>
 * </ul>
 *
 * <h3>Bounds (seconds unless said)</h3>
 * <table>
 * <caption>Numeric bounds and why</caption>
 * <tr><th>field</th><th>range</th><th>why</th></tr>
 * <tr><td>connect timeout</td><td>3 to 7200</td><td>less cannot reach a person (the Vonage SDKs agree); more
 * rings longer than the longest call</td></tr>
 * <tr><td>connect limit</td><td>1 to 7200</td><td>the reference's maximum; 0 would end the call at once</td></tr>
 * <tr><td>advancedMachineDetection beep_timeout</td><td>45 to 120</td><td>the Vonage SDKs' bounds</td></tr>
 * <tr><td>talk and stream loop (times)</td><td>0 to 7200</td><td>0 is forever; more plays than the longest call
 * has seconds cannot all be heard</td></tr>
 * <tr><td>talk and stream level</td><td>-1 to 1</td><td>the reference</td></tr>
 * <tr><td>talk style (index)</td><td>0 to 100</td><td>a language has a handful; catches garbage only</td></tr>
 * <tr><td>record channels (count)</td><td>1 to 32</td><td>the reference</td></tr>
 * <tr><td>record endOnSilence</td><td>3 to 10</td><td>the reference</td></tr>
 * <tr><td>record timeOut</td><td>3 to 7200</td><td>the reference</td></tr>
 * <tr><td>dtmf timeOut</td><td>0 to 10</td><td>the reference's maximum</td></tr>
 * <tr><td>dtmf maxDigits (count)</td><td>1 to 20</td><td>the reference's maximum; none would collect nothing</td></tr>
 * <tr><td>speech endOnSilence</td><td>0.4 to 10</td><td>the reference</td></tr>
 * <tr><td>speech startTimeout</td><td>1 to 10</td><td>the reference</td></tr>
 * <tr><td>speech maxDuration</td><td>1 to 60</td><td>the reference</td></tr>
 * </table>
 * Numbers where a whole number is expected must be whole; numeric strings longer than 32 characters are refused
 * unread.
 */
package org.psip.routes.ncco;
