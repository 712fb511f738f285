import type { BounceRule } from "./rule.ts";

/** An Orange / La Poste reply code (`OFR005_505`, `LPN007_426`, `OFR_416`) ending in one of these numbers. */
const orange = (codes: string): RegExp => new RegExp(`\\b(?:ofr|lpn|lpnaaa|ouk)[0-9]*_(?:${codes})\\b`);

/** A GoDaddy reply code (`IB607`). */
const godaddy = (codes: string): RegExp => new RegExp(`\\bib(?:${codes})\\b`);

/**
 * Rules for the documented reply codes of mail gateways and ISPs (Orange and La Poste, GoDaddy, Cox, Mimecast,
 * Symantec MessageLabs). A code names the reason more precisely than the generic phrases around it.
 */
export const GATEWAY_RULES: readonly BounceRule[] = [
  {
    id: "orange.blocked",
    description: "Orange codes 101, 102, 103, 510 and 999 mean the sending host is blocked.",
    reason: "blocked",
    when: { text: [orange("101|102|103|510|999")] },
    sample:
      "smtp:550 mwinf5c10 ME Service refuse. Veuillez essayer plus tard. Service refused, please try later. OFR006_103 192.0.2.1 [103]",
  },
  {
    id: "orange.toomanyconn",
    description: "Orange code 104 means too many connections.",
    reason: "toomanyconn",
    when: { text: [orange("104")] },
    sample:
      "smtp:421 mwinf5c79 ME Trop de connexions, veuillez verifier votre configuration. Too many connections, slow down. OFR005_104 [104]",
  },
  {
    id: "orange.securityerror",
    description: "Orange codes 305 and 402 mean authentication is required or invalid.",
    reason: "securityerror",
    when: { text: [orange("305|402")] },
    sample: "smtp:550 5.5.0 Authentification requise. Authentication Required. LPN105_402",
  },
  {
    id: "orange.authfailure",
    description: "Orange codes 401 and 517 mean SPF or DMARC failed.",
    reason: "authfailure",
    when: { text: [orange("401|517")] },
    sample: "smtp:550 5.5.0 SPF: 192.0.2.1 is not allowed to send mail. LPN004_401",
  },
  {
    id: "orange.rejected",
    description: "Orange codes 403, 405, 415 and 421 mean the sender was refused.",
    reason: "rejected",
    when: { text: [orange("403|405|415|421")] },
    sample:
      "smtp:501 5.1.0 Emetteur invalide. Invalid Sender. OFR004_405 [405] (in reply to MAIL FROM command)",
  },
  {
    id: "orange.userunknown",
    description: "Orange code 416 means the recipient does not exist.",
    reason: "userunknown",
    when: { text: [orange("416")] },
    sample:
      "smtp:550 5.1.1 Adresse d au moins un destinataire invalide. Invalid recipient. OFR_416 [416] (in reply to RCPT TO command)",
  },
  {
    id: "orange.mailboxfull",
    description: "Orange code 417 means the recipient is over quota.",
    reason: "mailboxfull",
    when: { text: [orange("417")] },
    sample:
      "smtp:552 5.1.1 Boite du destinataire pleine. Recipient overquota. OFR_417 [417] (in reply to RCPT TO command)",
  },
  {
    id: "orange.suspend",
    description: "Orange codes 420 and 426 mean the recipient's account is archived or blocked.",
    reason: "suspend",
    when: { text: [orange("420|426")] },
    sample: "eml/rhost-franceptt-05.eml",
  },
  {
    id: "orange.systemerror",
    description: "Orange code 505 means a temporary failure on Orange's side.",
    reason: "systemerror",
    when: { text: [orange("505")] },
    sample: "eml/rhost-franceptt-08.eml",
  },
  {
    id: "orange.spamdetected",
    description: "Orange code 506 means the message was refused as spam.",
    reason: "spamdetected",
    when: { text: [orange("506")] },
    sample: "eml/rhost-franceptt-04.eml",
  },
  {
    id: "orange.mesgtoobig",
    description: "Orange code 514 means the message is too big.",
    reason: "mesgtoobig",
    when: { text: [orange("514")] },
    sample: "smtp:552 5.3.4 Taille limite du message atteinte. OFR_514 [514]",
  },
  {
    id: "orange.policyviolation",
    description: "Orange code 630 means a policy refused the client host.",
    reason: "policyviolation",
    when: { text: [orange("630")] },
    sample: "eml/rhost-franceptt-12.eml",
  },
  {
    id: "godaddy.securityerror",
    description: "GoDaddy code IB401 means authentication is not allowed on inbound mail.",
    reason: "securityerror",
    when: { text: [godaddy("401")] },
    sample: "smtp:535 Authentication not allowed on IBSMTP Servers. IB401",
  },
  {
    id: "godaddy.notcompliantrfc",
    description: "GoDaddy codes IB501 and IB502 mean the From header is blank or an IP address.",
    reason: "notcompliantrfc",
    when: { text: [godaddy("501|502")] },
    sample:
      "smtp:550 jane@coolexample.com Blank From: addresses are not allowed. Provide a valid From. IB501",
  },
  {
    id: "godaddy.rejected",
    description: "GoDaddy code IB506 means the sender's domain is invalid.",
    reason: "rejected",
    when: { text: [godaddy("506")] },
    sample: "smtp:550 coolexample.com From: Domain is invalid. Provide a valid From: IB506",
  },
  {
    id: "godaddy.authfailure",
    description: "GoDaddy code IB508 means the sender's SPF record refuses the sending server.",
    reason: "authfailure",
    when: { text: [godaddy("508")] },
    sample:
      "smtp:550 jane@coolexample.com Invalid SPF record. Inspect your SPF settings, and try again. IB508",
  },
  {
    id: "godaddy.requireptr",
    description: "GoDaddy code IB108 means reverse DNS failed for the sending IP.",
    reason: "requireptr",
    when: { text: [godaddy("108")] },
    sample: "smtp:421 Temporarily rejected. Reverse DNS for this IP failed. IB108",
  },
  {
    id: "godaddy.spamdetected",
    description: "GoDaddy code IB212 means the content was judged to be spam.",
    reason: "spamdetected",
    when: { text: [godaddy("212")] },
    sample:
      "smtp:552 This message has been rejected due to content judged to be spam by the internet community. IB212",
  },
  {
    id: "godaddy.virusdetected",
    description: "GoDaddy code IB705 means a virus was found.",
    reason: "virusdetected",
    when: { text: [godaddy("705")] },
    sample: "smtp:552 Virus infected message rejected. IB705",
  },
  {
    id: "godaddy.toomanyconn",
    description: "GoDaddy codes IB605 and IB007 mean too many recipients or sessions.",
    reason: "toomanyconn",
    when: { text: [godaddy("605|007")] },
    sample:
      "smtp:452 This message contains too many recipients. Reduce the number of recipients and retry. IB605",
  },
  {
    id: "godaddy.speeding",
    description:
      "GoDaddy codes IB101, IB504, IB510 and IB607 mean too many messages or recipients in a period.",
    reason: "speeding",
    when: { text: [godaddy("101|504|510|607")] },
    sample: "eml/rhost-godaddy-03.eml",
  },
  {
    id: "godaddy.blocked",
    description: "GoDaddy codes IB104 to IB106 and IB110 to IB113 mean the sending IP is blocked.",
    reason: "blocked",
    when: { text: [godaddy("104|105|106|110|111|112|113")] },
    sample: "smtp:554 Connection refused. This IP address is listed on the Spamhaus Block List (SBL). IB104",
  },
  {
    id: "godaddy.badreputation",
    description: "GoDaddy code IB103 means the sending IP has a poor Cloudmark reputation.",
    reason: "badreputation",
    when: { text: [godaddy("103")] },
    sample:
      "smtp:554 Connection refused. This IP has a poor reputation on Cloudmark Sender Intelligence (CSI). IB103",
  },
  {
    id: "cox.blocked",
    description: "Cox codes CXBL, CDRBL and IPBL* mean the sending IP is blocked.",
    reason: "blocked",
    when: { text: [/\baup#(?:cxbl|cdrbl|ipbl\d+)\b/] },
    sample: "eml/rhost-cox-01.eml",
  },
  {
    id: "cox.requireptr",
    description: "Cox code CXDNS means reverse DNS failed for the sending IP.",
    reason: "requireptr",
    when: { text: [/\baup#cxdns\b/] },
    sample:
      "smtp:554 5.7.1 cox.net rejected - no rDNS for 192.0.2.1, see https://www.cox.com/residential/support/email-error-codes.html AUP#CXDNS",
  },
  {
    id: "cox.authfailure",
    description: "Cox code CXSNDR means SPF or DKIM failed for the sender's domain.",
    reason: "authfailure",
    when: { text: [/\baup#cxsndr\b/] },
    sample:
      "smtp:550 5.7.1 sender domain failed authentication, see https://www.cox.com/residential/support/email-error-codes.html AUP#CXSNDR",
  },
  {
    id: "cox.rejected",
    description: "Cox code CXSMTP means the sender could not be verified.",
    reason: "rejected",
    when: { text: [/\baup#cxsmtp\b/] },
    sample:
      "smtp:550 5.7.1 SMTP protocol violation, see https://www.cox.com/residential/support/email-error-codes.html AUP#CXSMTP",
  },
  {
    id: "cox.toomanyconn",
    description: "Cox codes CXCNCT and CXMXRT mean too many connections or recipients.",
    reason: "toomanyconn",
    when: { text: [/\baup#(?:cxcnct|cxmxrt)\b/] },
    sample:
      "smtp:421 4.7.0 too many connections from 192.0.2.1, see https://www.cox.com/residential/support/email-error-codes.html AUP#CXCNCT",
  },
  {
    id: "cox.spamdetected",
    description: "Cox codes URLBL* mean a URL in the message is block-listed.",
    reason: "spamdetected",
    when: { text: [/\baup#urlbl\d+\b/] },
    sample:
      "smtp:554 5.7.1 message rejected, URL listed on a block list, see https://www.cox.com/residential/support/email-error-codes.html AUP#URLBL1001",
  },
  {
    id: "mimecast.policyviolation",
    description:
      "Mimecast's 'host network not allowed' and anti-spoofing refusals mean a policy refused the message.",
    reason: "policyviolation",
    when: {
      text: [
        "host network not allowed",
        "host network, not allowed",
        "anti-spoofing policy - inbound not allowed",
        "message bounced due to content examination policy",
      ],
    },
    sample: "eml/rhost-mimecast-01.eml",
  },
  {
    id: "mimecast.virusdetected",
    description:
      "Mimecast's 'email rejected due to security policies' means a virus or spam signature matched.",
    reason: "virusdetected",
    when: { replycode: ["554"], text: ["email rejected due to security policies"] },
    sample: "eml/rhost-mimecast-02.eml",
  },
  {
    id: "mimecast.authfailure",
    description: "Mimecast's 'SPF/DKIM/DMARC sender invalid' means sender authentication failed.",
    reason: "authfailure",
    when: { text: [/(?:spf|dkim|dmarc) sender invalid - envelope rejected/] },
    sample:
      "smtp:550 SPF Sender Invalid - envelope rejected - https://community.mimecast.com/docs/DOC-1369#550 [abc123.us222]",
  },
  {
    id: "messagelabs.authfailure",
    description: "MessageLabs' 'domain authentication fail' means SPF or DMARC failed.",
    reason: "authfailure",
    when: { text: ["domain authentication fail"] },
    sample:
      "smtp:553-DMARC domain authentication fail. Please visit www.messagelabs.com/support for more details about this error message.",
  },
  {
    id: "messagelabs.badreputation",
    description: "MessageLabs' 'Connection rejected by policy' means the sending IP has a poor reputation.",
    reason: "badreputation",
    when: { text: ["connection rejected by policy"] },
    sample:
      "smtp:501 Connection rejected by policy [7.7] 20805, please visit www.messagelabs.com/support for more details about this error message.",
  },
];
