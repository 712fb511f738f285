import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.xml.security.Init;
import org.apache.xml.security.encryption.EncryptedKey;
import org.apache.xml.security.encryption.XMLCipher;
import org.apache.xml.security.signature.XMLSignature;
import org.apache.xml.security.signature.XMLSignatureInput;
import org.apache.xml.security.transforms.Transform;
import org.apache.xml.security.transforms.TransformSpi;
import org.apache.xml.security.utils.resolver.ResourceResolver;
import org.apache.xml.security.utils.resolver.ResourceResolverContext;
import org.apache.xml.security.utils.resolver.ResourceResolverSpi;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Independent check of facteur's AS4 messages with Apache Santuario (xmlsec): for each message in a folder
 * (NAME.bin = MIME body, NAME.type = its Content-Type), decrypts the attachment (EncryptedKey RSA-OAEP, EncryptedData
 * AES-128-GCM through the Attachment-Ciphertext-Transform), verifies the WS-Security signature over eb:Messaging, the
 * Body and the decrypted attachment (Attachment-Content-Signature-Transform) with the BinarySecurityToken's
 * certificate, checks that certificate against the AP CA, and gunzips the payload. Times (wall, and the thread's
 * CPU time for the whole check) exclude reading the file. The two SwA transforms live in
 * WSS4J, not in Santuario: they hand the attachment octets through unchanged, which is all they do for
 * Content-Only attachments. A bare SOAP signal (a receipt) gets the signature and certificate checks only. Prints
 * one line per message and exits 1 if any message fails. A NAME.xml file is a document with an enveloped signature
 * (an SMP response): its signature must cover the whole document and verify with the KeyInfo certificate.
 *
 * Usage: java As4Check RECEIVER_KEY.pem CA.pem FOLDER (CA.pem: the CA that issued the signers)
 */
public final class As4Check {
  static final String WSSE = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
  static final String WSU = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String XENC = "http://www.w3.org/2001/04/xmlenc#";
  static final String EBMS = "http://docs.oasis-open.org/ebxml-msg/ebms/v3.0/ns/core/200704/";
  static final String SOAP = "http://www.w3.org/2003/05/soap-envelope";
  static final String SWA = "http://docs.oasis-open.org/wss/oasis-wss-SwAProfile-1.1#";

  /** The attachments of the message being checked (ciphertext, then plaintext), by Content-ID. */
  static final Map<String, byte[]> ATTACHMENTS = new HashMap<>();

  public static final class CidResolver extends ResourceResolverSpi {
    @Override
    public boolean engineCanResolveURI(ResourceResolverContext context) {
      return context.uriToResolve != null && context.uriToResolve.startsWith("cid:");
    }

    @Override
    public XMLSignatureInput engineResolveURI(ResourceResolverContext context) {
      byte[] octets = ATTACHMENTS.get(context.uriToResolve.substring(4));
      if (octets == null) throw new IllegalStateException("no attachment " + context.uriToResolve);
      XMLSignatureInput input = new XMLSignatureInput(octets);
      input.setSourceURI(context.uriToResolve);
      return input;
    }
  }

  public static final class ContentSignatureTransform extends TransformSpi {
    @Override
    protected String engineGetURI() {
      return SWA + "Attachment-Content-Signature-Transform";
    }

    @Override
    protected XMLSignatureInput enginePerformTransform(XMLSignatureInput input, OutputStream os, Transform transform) {
      return input;
    }
  }

  public static final class CiphertextTransform extends TransformSpi {
    @Override
    protected String engineGetURI() {
      return SWA + "Attachment-Ciphertext-Transform";
    }

    @Override
    protected XMLSignatureInput enginePerformTransform(XMLSignatureInput input, OutputStream os, Transform transform) {
      return input;
    }
  }

  record Part(Map<String, String> headers, byte[] body) {}

  static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = Math.max(from, 0); i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) if (data[i + j] != pattern[j]) continue outer;
      return i;
    }
    return -1;
  }

  static String parameter(String contentType, String name) {
    Matcher m = Pattern.compile(name + "=\"?([^\";]+)\"?").matcher(contentType);
    if (!m.find()) throw new IllegalArgumentException("no " + name + " in " + contentType);
    return m.group(1);
  }

  static List<Part> splitMultipart(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    List<Part> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    while (at >= 0) {
      int lineEnd = indexOf(body, "\r\n".getBytes(StandardCharsets.ISO_8859_1), at);
      if (body[at + delimiter.length] == '-' && body[at + delimiter.length + 1] == '-') break;
      int headerEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), lineEnd);
      int end = indexOf(body, next, headerEnd);
      if (end < 0) throw new IllegalArgumentException("no closing boundary");
      Map<String, String> headers = new HashMap<>();
      String block = new String(body, lineEnd + 2, headerEnd - lineEnd - 2, StandardCharsets.ISO_8859_1);
      for (String line : block.split("\r\n")) {
        int colon = line.indexOf(':');
        if (colon > 0) headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
      }
      byte[] content = new byte[end - headerEnd - 4];
      System.arraycopy(body, headerEnd + 4, content, 0, content.length);
      parts.add(new Part(headers, content));
      at = end + 2;
    }
    return parts;
  }

  static byte[] pem(Path path, String label) throws Exception {
    String text = Files.readString(path);
    int begin = text.indexOf("-----BEGIN " + label + "-----");
    int end = text.indexOf("-----END " + label + "-----");
    String base64 = text.substring(begin + label.length() + 16, end).replaceAll("\\s", "");
    return Base64.getDecoder().decode(base64);
  }

  static void markIds(Element element) {
    if (element.hasAttributeNS(WSU, "Id")) element.setIdAttributeNS(WSU, "Id", true);
    if (element.hasAttribute("Id")) element.setIdAttribute("Id", true);
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++)
      if (children.item(i) instanceof Element child) markIds(child);
  }

  static Element only(Element parent, String ns, String name) {
    NodeList list = parent.getElementsByTagNameNS(ns, name);
    if (list.getLength() != 1) throw new IllegalStateException(list.getLength() + " " + name + " elements, not one");
    return (Element) list.item(0);
  }

  static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** Checks one message; returns nanoseconds spent in decryption, in verification, in all, and in all on the CPU. */
  static long[] check(byte[] body, String contentType, PrivateKey receiverKey, X509Certificate apCa) throws Exception {
    long began = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    byte[] soap = null;
    ATTACHMENTS.clear();
    // A signal (receipt, error) is a bare SOAP envelope: signed, with nothing to decrypt.
    boolean signal = contentType.toLowerCase().startsWith("application/soap+xml");
    if (signal) soap = body;
    else {
      String start = parameter(contentType, "start").replaceAll("[<>]", "");
      for (Part part : splitMultipart(body, parameter(contentType, "boundary"))) {
        String id = part.headers().getOrDefault("content-id", "").replaceAll("[<>]", "");
        if (id.equals(start)) soap = part.body();
        else ATTACHMENTS.put(id, part.body());
      }
    }
    if (soap == null) throw new IllegalStateException("no SOAP root part");
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(soap));
    markIds(doc.getDocumentElement());
    Element security = only(doc.getDocumentElement(), WSSE, "Security");

    long t0 = System.nanoTime();
    Map<String, byte[]> plaintexts = new HashMap<>();
    NodeList keys = security.getElementsByTagNameNS(XENC, "EncryptedKey");
    if (keys.getLength() == 0 && !signal) throw new IllegalStateException("no EncryptedKey");
    for (int k = 0; k < keys.getLength(); k++) {
      Element keyElement = (Element) keys.item(k);
      XMLCipher unwrap = XMLCipher.getInstance();
      unwrap.init(XMLCipher.UNWRAP_MODE, receiverKey);
      EncryptedKey encryptedKey = unwrap.loadEncryptedKey(doc, keyElement);
      Key contentKey = unwrap.decryptKey(encryptedKey, XMLCipher.AES_128_GCM);
      NodeList references = keyElement.getElementsByTagNameNS(XENC, "DataReference");
      for (int r = 0; r < references.getLength(); r++) {
        String uri = ((Element) references.item(r)).getAttribute("URI").substring(1);
        Element data = doc.getElementById(uri);
        XMLCipher decrypt = XMLCipher.getInstance();
        decrypt.init(XMLCipher.DECRYPT_MODE, contentKey);
        byte[] plaintext = decrypt.decryptToByteArray(data);
        Element reference = only(data, XENC, "CipherReference");
        plaintexts.put(reference.getAttribute("URI").substring(4), plaintext);
      }
    }
    long t1 = System.nanoTime();
    ATTACHMENTS.putAll(plaintexts);

    Element signatureElement = only(security, DS, "Signature");
    XMLSignature signature = new XMLSignature(signatureElement, "", true);
    Element tokenReference = only(signatureElement, WSSE, "Reference");
    Element token = doc.getElementById(tokenReference.getAttribute("URI").substring(1));
    X509Certificate signer = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(Base64.getMimeDecoder().decode(token.getTextContent())));
    if (!signature.checkSignatureValue(signer)) throw new IllegalStateException("the signature does not verify");
    long t2 = System.nanoTime();
    int count = signature.getSignedInfo().getLength();
    List<String> uris = new ArrayList<>();
    for (int i = 0; i < count; i++) uris.add(signature.getSignedInfo().item(i).getURI());
    String messagingId = "#" + only(doc.getDocumentElement(), EBMS, "Messaging").getAttributeNS(WSU, "Id");
    String bodyId = "#" + only(doc.getDocumentElement(), SOAP, "Body").getAttributeNS(WSU, "Id");
    if (!uris.contains(messagingId) || !uris.contains(bodyId)) throw new IllegalStateException("Messaging or Body unsigned");
    for (String cid : plaintexts.keySet())
      if (!uris.contains("cid:" + cid)) throw new IllegalStateException("attachment " + cid + " unsigned");
    signer.verify(apCa.getPublicKey());
    for (byte[] plaintext : plaintexts.values()) {
      byte[] document = new GZIPInputStream(new ByteArrayInputStream(plaintext)).readAllBytes();
      if (!new String(document, 0, Math.min(document.length, 400), StandardCharsets.UTF_8).contains("StandardBusinessDocument"))
        throw new IllegalStateException("the payload is not an SBDH");
    }
    return new long[] {t1 - t0, t2 - t1, System.nanoTime() - began, THREADS.getCurrentThreadCpuTime() - cpu};
  }

  /** Checks an enveloped XML signature over a whole document (an SMP response); returns the same times as check. */
  static long[] checkEnveloped(byte[] xml, X509Certificate ca) throws Exception {
    long began = System.nanoTime();
    long cpu = THREADS.getCurrentThreadCpuTime();
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    Document doc = factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    Element signatureElement = only(doc.getDocumentElement(), DS, "Signature");
    if (signatureElement.getParentNode() != doc.getDocumentElement())
      throw new IllegalStateException("the Signature is not a child of the document element");
    XMLSignature signature = new XMLSignature(signatureElement, "", true);
    if (signature.getSignedInfo().getLength() != 1 || !signature.getSignedInfo().item(0).getURI().isEmpty())
      throw new IllegalStateException("the signature does not reference the whole document");
    X509Certificate signer = signature.getKeyInfo().getX509Certificate();
    if (signer == null || !signature.checkSignatureValue(signer))
      throw new IllegalStateException("the signature does not verify");
    signer.verify(ca.getPublicKey());
    long total = System.nanoTime() - began;
    return new long[] {0, total, total, THREADS.getCurrentThreadCpuTime() - cpu};
  }

  public static void main(String[] args) throws Exception {
    Init.init();
    ResourceResolver.register(new CidResolver(), true);
    Transform.register(SWA + "Attachment-Content-Signature-Transform", ContentSignatureTransform.class);
    Transform.register(SWA + "Attachment-Ciphertext-Transform", CiphertextTransform.class);
    PrivateKey receiverKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(pem(Path.of(args[0]), "PRIVATE KEY")));
    X509Certificate apCa = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem(Path.of(args[1]), "CERTIFICATE")));
    List<Path> messages;
    try (Stream<Path> files = Files.list(Path.of(args[2]))) {
      messages = files.filter(p -> p.toString().matches(".*\\.(bin|xml)$")).sorted().toList();
    }
    int failures = 0;
    for (Path path : messages) {
      String name = path.getFileName().toString().replaceAll("\\.(bin|xml)$", "");
      try {
        long[] times = path.toString().endsWith(".xml")
            ? checkEnveloped(Files.readAllBytes(path), apCa)
            : check(Files.readAllBytes(path), Files.readString(path.resolveSibling(name + ".type")).trim(), receiverKey, apCa);
        System.out.printf(
            "OK %s decrypt_us=%d verify_us=%d total_us=%d cpu_us=%d%n",
            name, times[0] / 1000, times[1] / 1000, times[2] / 1000, times[3] / 1000);
      } catch (Exception | Error e) {
        failures++;
        System.out.printf("FAIL %s %s: %s%n", name, e.getClass().getSimpleName(), e.getMessage());
      }
    }
    System.out.printf("checked=%d failed=%d%n", messages.size(), failures);
    System.exit(failures == 0 && !messages.isEmpty() ? 0 : 1);
  }
}
