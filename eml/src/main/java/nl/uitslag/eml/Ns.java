package nl.uitslag.eml;

/** The XML namespaces of EML_NL and the fixed prefixes our writers use for them. */
final class Ns {
  static final String EML = "urn:oasis:names:tc:evs:schema:eml";
  static final String KR = "http://www.kiesraad.nl/extensions";
  static final String DS = "http://www.w3.org/2000/09/xmldsig#";
  static final String XAL = "urn:oasis:names:tc:ciq:xsdschema:xAL:2.0";
  static final String XNL = "urn:oasis:names:tc:ciq:xsdschema:xNL:2.0";
  static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  static final String SB = "http://www.kiesraad.nl/sb-extensions";

  private Ns() {}

  static String prefixed(String ns, String local) {
    if (ns == null || ns.isEmpty() || EML.equals(ns)) {
      return local;
    }
    switch (ns) {
      case KR:
        return "kr:" + local;
      case DS:
        return "ds:" + local;
      case XAL:
        return "xal:" + local;
      case XNL:
        return "xnl:" + local;
      case XSI:
        return "xsi:" + local;
      case SB:
        return "sb:" + local;
      default:
        return "{" + ns + "}" + local;
    }
  }
}
