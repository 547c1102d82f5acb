using IncidentDesk.Core.Compliance.Drafts;

namespace IncidentDesk.Core.Tests.Compliance.Drafts;

public sealed class SubjectNoticeDraftTests
{
    // R15 art. 9: I data, II security measures, III risks, IV reasons for delay, V what was done, VI date of knowledge, VII contact/DPO.
    private static readonly string[] SevenItems =
    [
        DraftTexts.NoticeWhichData, DraftTexts.NoticeSecurity, DraftTexts.NoticeRisks, DraftTexts.NoticeDelay,
        DraftTexts.NoticeWhatWeDid, DraftTexts.NoticeWhen, DraftTexts.NoticeContact,
    ];

    [Theory]
    [InlineData(DraftKind.SubjectNotice)]
    [InlineData(DraftKind.PublicNotice)]
    public void The_notice_has_its_seven_items_in_plain_words(DraftKind kind)
    {
        var draft = DraftGenerator.Generate(DraftSamples.Complete(late: true), kind);

        foreach (var heading in SevenItems)
        {
            Assert.Contains($"## {heading}\n", draft.Markdown, StringComparison.Ordinal);
        }

        Assert.Contains("informações sobre sua saúde", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("06/04/2026", draft.Markdown, StringComparison.Ordinal);
        Assert.Contains("Ana Souza — dpo@coop.example", draft.Markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("R15", draft.Markdown.Replace(DraftTexts.PublicNoticeVisibility, "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.True(draft.IsComplete);
    }

    [Fact]
    public void The_notice_gives_practical_advice_on_phishing_passwords_and_official_channels()
    {
        var markdown = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.SubjectNotice).Markdown;

        Assert.Contains($"## {DraftTexts.NoticeWhatYouCanDo}", markdown, StringComparison.Ordinal);
        Assert.Contains(DraftTexts.AdvicePhishing, markdown, StringComparison.Ordinal);
        Assert.Contains("suas conversas com a cooperativa", markdown, StringComparison.Ordinal);
        Assert.Contains("**nunca** pede sua senha", markdown, StringComparison.Ordinal);
        Assert.Contains("canais oficiais", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Only_the_public_variant_promises_three_months_of_visibility()
    {
        var individual = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.SubjectNotice).Markdown;
        var publicNotice = DraftGenerator.Generate(DraftSamples.Reference(), DraftKind.PublicNotice).Markdown;

        Assert.DoesNotContain("3 meses", individual, StringComparison.Ordinal);
        Assert.Contains("3 meses", publicNotice, StringComparison.Ordinal);
        Assert.Contains($"# {DraftTexts.PublicNoticeTitle}", publicNotice, StringComparison.Ordinal);
    }
}
