package nl.uitslag.eml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nl.uitslag.domain.election.CandidateList;
import nl.uitslag.domain.election.CandidateLists;
import nl.uitslag.domain.election.ContestLists;
import nl.uitslag.domain.election.ElectionIdentifier;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** Each way a count file can be wrong is rejected with its own rule, naming where. */
class ReaderRulesTest {
  private static final String RU1 = "<ReportingUnitIdentifier Id=\"0096::SB1\">";

  private static EmlException rejected(ThrowingCallable call, EmlRule rule) {
    EmlException[] caught = new EmlException[1];
    assertThatThrownBy(call).isInstanceOfSatisfying(EmlException.class, e -> {
      assertThat(e.rule()).as(e.getMessage()).isEqualTo(rule);
      caught[0] = e;
    });
    return caught[0];
  }

  @Test
  void errorNamesFileLinePathRuleInDutchAndEnglish() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<ValidVotes>12</ValidVotes>",
        "<ValidVotes>1000000000</ValidVotes>", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.NUMBER_OUT_OF_RANGE);
    assertThat(e.fileName()).isEqualTo("test.eml.xml");
    assertThat(e.line()).isEqualTo(1);
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[1]/Selection[2]/ValidVotes");
    assertThat(e.dutchMessage()).contains("ligt niet tussen 0 en 999.999.999");
    assertThat(e.englishMessage()).contains("is not between 0 and 999,999,999");
    assertThat(e.getMessage()).contains("EML-020").contains("test.eml.xml:1:");
  }

  @Test
  void lineNumbersPointAtTheElementInAPrettyPrintedFile() {
    String pretty = Mutations.vlieland().replace("<Selection>", "\n<Selection>");
    String xml = Mutations.replaceAfter(pretty, RU1, "<ValidVotes>12</ValidVotes>",
        "<ValidVotes>x</ValidVotes>", 0);
    int expected = 1 + (int) xml.substring(0, xml.indexOf("<ValidVotes>x<")).chars().filter(ch -> ch == '\n').count();
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.INVALID_VALUE);
    assertThat(e.line()).isEqualTo(expected);
  }

  @Test
  void negativeNumberIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<ValidVotes>0</ValidVotes>",
        "<ValidVotes>-1</ValidVotes>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.NUMBER_OUT_OF_RANGE);
  }

  @Test
  void hugeNumberIsRejectedWithoutOverflow() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<Cast>0</Cast>",
        "<Cast>99999999999999999999999999</Cast>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.NUMBER_OUT_OF_RANGE);
  }

  @Test
  void duplicateCandidateSelectionIsRejected() {
    String sel = "<Selection><Candidate><CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, sel, sel + sel, 0);
    rejected(() -> Mutations.read(xml), EmlRule.DUPLICATE_SELECTION);
  }

  @Test
  void duplicateListSelectionIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<AffiliationIdentifier Id=\"2\">",
        "<AffiliationIdentifier Id=\"1\">", 0);
    rejected(() -> Mutations.read(xml), EmlRule.DUPLICATE_SELECTION);
  }

  @Test
  void missingSelectionInAReportingUnitIsRejected() {
    String sel = "<Selection><Candidate><CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, sel, "", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.MISSING_SELECTION);
    assertThat(e.englishMessage()).contains("candidate 4 of list 1").contains("0096::SB1");
    assertThat(e.dutchMessage()).isEqualTo(
        "kandidaat 4 van lijst 1 ontbreekt in 0096::SB1, maar staat wel in het totaal");
  }

  @Test
  void selectionOfAReportingUnitThatTheTotalLacksIsRejectedEml023() {
    String extra = "<Selection><Candidate><CandidateIdentifier Id=\"99\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String sel4 = "<Selection><Candidate><CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, sel4, sel4 + extra, 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.EXTRA_SELECTION);
    assertThat(e.englishMessage()).isEqualTo("candidate 99 of list 1 is in 0096::SB1 but not in the total");
    assertThat(e.path()).isEqualTo("/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[1]");
  }

  @Test
  void selectionTheTotalLacksGivenTwiceIsADuplicateBeforeItIsExtra() {
    String extra = "<Selection><Candidate><CandidateIdentifier Id=\"99\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String sel4 = "<Selection><Candidate><CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, sel4, sel4 + extra + extra, 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.DUPLICATE_SELECTION);
    assertThat(e.englishMessage()).contains("candidate 99 of list 1");
    assertThat(e.path()).endsWith("/ReportingUnitVotes[1]/Selection[7]");
  }

  @Test
  void missingSelectionIsReportedBeforeAnExtraOne() {
    String sel4 = "<Selection><Candidate><CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes></Selection>";
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, sel4,
        sel4.replace("Id=\"4\"", "Id=\"99\""), 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.MISSING_SELECTION);
    assertThat(e.englishMessage()).contains("candidate 4 of list 1");
  }

  @Test
  void listTotalErrorNamesTheListsOwnSelectionAfterItsCandidatesWereRead() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<ValidVotes>22</ValidVotes>",
        "<ValidVotes>23</ValidVotes>", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.LIST_TOTAL_MISMATCH);
    assertThat(e.path()).isEqualTo(
        "/EML/Count/Election[1]/Contests/Contest[1]/ReportingUnitVotes[1]/Selection[1]");
  }

  @Test
  void candidateBeforeAnyListIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1,
        "<Selection><AffiliationIdentifier Id=\"1\"><RegisteredName>NLV</RegisteredName></AffiliationIdentifier>"
            + "<ValidVotes>22</ValidVotes></Selection>", "", 0);
    rejected(() -> Mutations.read(xml), EmlRule.CANDIDATE_BEFORE_LIST);
  }

  @Test
  void candidateNotOnTheCandidateListIsRejected() {
    CandidateLists lists = ((EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none())).lists();
    ContestLists contest = lists.contests().get(0);
    CandidateList first = contest.lists().get(0);
    List<CandidateList> shortened = new ArrayList<>(contest.lists());
    shortened.set(0, new CandidateList(first.number(), first.appellation(), first.type(), first.belongsToSet(),
        first.publishGender(), first.candidates().subList(0, first.candidates().size() - 1)));
    CandidateLists fewer = new CandidateLists(lists.election(), lists.issueDate(),
        List.of(new ContestLists(contest.contestId(), contest.contestName(), shortened)));
    EmlException e = rejected(() -> Shared.read(Shared.eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml"),
        ReadOptions.none().withCandidateLists(fewer)), EmlRule.CANDIDATE_NOT_ON_LIST);
    assertThat(e.englishMessage()).contains("candidate " + first.candidates().size()).contains("list 1");
  }

  @Test
  void listNotNominatedIsRejected() {
    CandidateLists lists = ((EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none())).lists();
    ContestLists contest = lists.contests().get(0);
    CandidateLists fewer = new CandidateLists(lists.election(), lists.issueDate(), List.of(
        new ContestLists(contest.contestId(), contest.contestName(), contest.lists().subList(0, 7))));
    rejected(() -> Shared.read(Shared.eml("GR2022/Telling_GR2022_WestMaasenWaal.eml.xml"),
        ReadOptions.none().withCandidateLists(fewer)), EmlRule.LIST_NOT_NOMINATED);
  }

  @Test
  void listTotalThatIsNotTheSumOfItsCandidatesIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<ValidVotes>22</ValidVotes>",
        "<ValidVotes>23</ValidVotes>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.LIST_TOTAL_MISMATCH);
  }

  @Test
  void totalCountedThatIsNotTheSumOfTheListsIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<TotalCounted>", "<TotalCounted>1", 0);
    rejected(() -> Mutations.read(xml), EmlRule.TOTAL_COUNTED_MISMATCH);
  }

  @Test
  void totalThatIsNotTheSumOfTheReportingUnitsIsRejected() {
    // Move one vote from candidate 4 to candidate 5 of list 1 in SB1: every unit still adds up, the total not.
    String s = Mutations.vlieland();
    s = Mutations.replaceAfter(s, RU1, "<CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>0</ValidVotes>", "<CandidateIdentifier Id=\"4\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>1</ValidVotes>", 0);
    String xml = Mutations.replaceAfter(s, RU1, "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>3</ValidVotes>", "<CandidateIdentifier Id=\"5\"></CandidateIdentifier></Candidate>"
        + "<ValidVotes>2</ValidVotes>", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.UNIT_SUM_MISMATCH);
    assertThat(e.englishMessage()).contains("candidate 4 of list 1");
  }

  @Test
  void blankVotesThatDoNotAddUpAreRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1,
        "<RejectedVotes ReasonCode=\"blanco\">1</RejectedVotes>",
        "<RejectedVotes ReasonCode=\"blanco\">2</RejectedVotes>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNIT_SUM_MISMATCH);
  }

  @Test
  void duplicateReasonCodeIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "ReasonCode=\"blanco\"",
        "ReasonCode=\"ongeldig\"", 0);
    rejected(() -> Mutations.read(xml), EmlRule.DUPLICATE_REASON);
  }

  @Test
  void unknownReasonCodeIsRejectedInBothLanguages() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "ReasonCode=\"geen verklaring\"",
        "ReasonCode=\"verzonnen\"", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.INVALID_VALUE);
    assertThat(e.dutchMessage()).isEqualTo("waarde \"verzonnen\" is ongeldig: onbekende ReasonCode van UncountedVotes");
    assertThat(e.englishMessage()).isEqualTo("value \"verzonnen\" is invalid: unknown UncountedVotes ReasonCode");
  }

  @Test
  void dutchMessagesOfExpectationsAreDutch() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<AffiliationIdentifier Id=\"2\">",
        "<AffiliationIdentifier Id=\"x\">", 0);
    EmlException e = rejected(() -> Mutations.read(xml), EmlRule.INVALID_VALUE);
    assertThat(e.dutchMessage()).isEqualTo("waarde \"x\" is ongeldig: Id: een positief getal zonder voorloopnullen");
    String missing = Mutations.replaceAfter(Mutations.vlieland(), "<ElectionIdentifier", "<kr:ElectionDate>",
        "<kr:ElectionDomain>x</kr:ElectionDomain><kr:ElectionDate>", 0);
    EmlException twice = rejected(() -> Mutations.read(missing), EmlRule.UNEXPECTED_ELEMENT);
    assertThat(twice.dutchMessage()).contains("elk hoogstens één keer").doesNotContain("each at most once");
  }

  @Test
  void duplicateReportingUnitIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "Id=\"0096::SB2\"", "Id=\"0096::SB1\"", 0);
    rejected(() -> Mutations.read(xml), EmlRule.DUPLICATE_REPORTING_UNIT);
  }

  @Test
  void electionIdThatDiffersFromTheExpectedElectionIsRejected() {
    EmlDocument.Counts doc = (EmlDocument.Counts) Mutations.read(Mutations.vlieland());
    ElectionIdentifier e = doc.election();
    ElectionIdentifier other = new ElectionIdentifier("GR2022_Terschelling", e.name(), e.category(),
        e.subcategory(), e.domain(), e.electionDate(), null);
    EmlException ex = rejected(() -> Mutations.read(Mutations.vlieland(),
        ReadOptions.none().withExpectedElection(other)), EmlRule.ELECTION_MISMATCH);
    assertThat(ex.englishMessage()).contains("GR2022_Vlieland").contains("GR2022_Terschelling");
  }

  @Test
  void countOfAnotherElectionThanTheCandidateListsIsRejected() {
    CandidateLists lists = ((EmlDocument.Lists) Shared.read(
        Shared.eml("GR2022/Kandidatenlijsten_GR2022_WestMaasenWaal.eml.xml"), ReadOptions.none())).lists();
    rejected(() -> Mutations.read(Mutations.vlieland(), ReadOptions.none().withCandidateLists(lists)),
        EmlRule.ELECTION_MISMATCH);
  }

  @Test
  void unexpectedElementIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<Cast>", "<Foo>1</Foo><Cast>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNEXPECTED_ELEMENT);
  }

  @Test
  void unexpectedAttributeIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<Cast>", "<Cast Foo=\"1\">", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNEXPECTED_ATTRIBUTE);
  }

  @Test
  void textBetweenElementsIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1, "<Cast>", "stray<Cast>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNEXPECTED_TEXT);
  }

  @Test
  void missingRejectedVotesIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), RU1,
        "<RejectedVotes ReasonCode=\"blanco\">1</RejectedVotes>", "", 0);
    rejected(() -> Mutations.read(xml), EmlRule.MISSING_REASON);
  }

  @Test
  void wrongMessageKindIsRejected() {
    rejected(() -> EmlReader.readResult(new java.io.ByteArrayInputStream(Mutations.vlieland().getBytes(
        java.nio.charset.StandardCharsets.UTF_8)), "x.xml", ReadOptions.none()), EmlRule.WRONG_MESSAGE);
  }

  @Test
  void unsupportedMessageIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), "<EML", "Id=\"510b\"", "Id=\"510q\"", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNSUPPORTED_MESSAGE);
  }

  @Test
  void wrongNamespaceIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), "<EML", "urn:oasis:names:tc:evs:schema:eml",
        "urn:example", 0);
    rejected(() -> Mutations.read(xml), EmlRule.NOT_EML);
  }

  @Test
  void truncatedFileIsRejected() {
    String s = Mutations.vlieland();
    rejected(() -> Mutations.read(s.substring(0, s.length() / 2)), EmlRule.MALFORMED_XML);
  }

  @Test
  void trailingElementAfterCountIsRejected() {
    String xml = Mutations.replaceAfter(Mutations.vlieland(), "</Election>", "</Count>",
        "<rg:x xmlns:rg=\"http://www.kiesraad.nl/reportgenerator\"/></Count>", 0);
    rejected(() -> Mutations.read(xml), EmlRule.UNEXPECTED_ELEMENT);
  }
}
