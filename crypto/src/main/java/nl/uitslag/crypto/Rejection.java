package nl.uitslag.crypto;

/**
 * Why a count file, its signature, a transfer package or a key file is refused; each reason has its own message in
 * Dutch and English so the application can show it and write it to the audit log.
 */
public enum Rejection {
  TRUNCATED(
      "Het bestand is onvolledig (afgebroken tijdens kopiëren of verzenden). Vraag het bestand opnieuw aan.",
      "The file is incomplete (cut off while copying or sending). Ask for the file again."),
  DAMAGED(
      "Het bestand is beschadigd of gewijzigd: de versleutelde inhoud klopt niet meer. Vraag het bestand opnieuw aan.",
      "The file is damaged or has been altered: the encrypted content no longer checks out. Ask for the file again."),
  NOT_FOR_US(
      "Het bestand is versleuteld voor een ander stembureau, niet voor dit stembureau.",
      "The file is encrypted for another committee, not for this one."),
  PASSWORD_REQUIRED(
      "Het bestand is met een wachtwoord versleuteld. Voer het wachtwoord in dat u apart van het bestand kreeg.",
      "The file is encrypted with a password. Enter the password you received separately from the file."),
  WRONG_PASSWORD(
      "Het wachtwoord is onjuist: het bestand kan er niet mee worden ontsleuteld.",
      "The password is wrong: the file cannot be decrypted with it."),
  WRONG_PASSPHRASE(
      "De wachtzin van het sleutelbestand is onjuist, of het sleutelbestand is beschadigd.",
      "The passphrase of the key file is wrong, or the key file is damaged."),
  MALFORMED_PACKAGE(
      "Het bestand is geen geldig overdrachtspakket van Uitslag (onderdelen ontbreken of kloppen niet).",
      "The file is not a valid Uitslag transfer package (parts are missing or do not match)."),
  BAD_SIGNATURE(
      "De handtekening klopt niet bij de inhoud: het bestand is na ondertekening gewijzigd of verkeerd ondertekend.",
      "The signature does not match the content: the file was changed after signing or signed wrongly."),
  UNKNOWN_SIGNER(
      "De ondertekenaar is niet bekend: het certificaat is niet uitgegeven door de certificaatautoriteit van deze"
          + " verkiezing.",
      "The signer is unknown: the certificate was not issued by this election's certificate authority."),
  CERTIFICATE_EXPIRED(
      "Het certificaat van de ondertekenaar of de certificaatautoriteit is verlopen.",
      "The certificate of the signer or of the certificate authority has expired."),
  CERTIFICATE_NOT_YET_VALID(
      "Het certificaat van de ondertekenaar of de certificaatautoriteit is nog niet geldig.",
      "The certificate of the signer or of the certificate authority is not valid yet."),
  CERTIFICATE_REVOKED(
      "Het certificaat van de ondertekenaar is ingetrokken: bestanden met deze handtekening worden niet meer"
          + " aanvaard.",
      "The signer's certificate has been revoked: files signed with it are no longer accepted."),
  CERTIFICATE_WRONG_PURPOSE(
      "Het certificaat is niet bedoeld voor dit gebruik (ondertekenen of versleutelen).",
      "The certificate is not meant for this use (signing or encryption)."),
  SIGNER_NOT_MANAGING_AUTHORITY(
      "Het bestand is ondertekend door een ander stembureau dan het stembureau dat in het bestand als afzender"
          + " (ManagingAuthority) staat.",
      "The file is signed by a different committee than the one named in the file as its sender"
          + " (ManagingAuthority)."),
  WRONG_ELECTION(
      "Het bestand hoort bij een andere verkiezing.",
      "The file belongs to a different election."),
  WRONG_FILE_KIND(
      "Het bestand is van een andere soort dan verwacht.",
      "The file is of a different kind than expected."),
  OLDER_PHASE(
      "Het bestand is ouder dan wat al is ingelezen (een eerdere zitting of fase). Het wordt niet ingelezen.",
      "The file is older than what has already been imported (an earlier session or phase). It is not imported."),
  FINGERPRINT_MISMATCH(
      "De ingetypte groepen komen niet overeen met de vingerafdruk op het papieren proces-verbaal.",
      "The groups typed do not match the fingerprint on the paper report.");

  private final String dutch;
  private final String english;

  Rejection(String dutch, String english) {
    this.dutch = dutch;
    this.english = english;
  }

  /** The message for the user, in Dutch. */
  public String dutch() {
    return dutch;
  }

  /** The message for the user, in English. */
  public String english() {
    return english;
  }
}
