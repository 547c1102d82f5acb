using IncidentDesk.Core.Mail;

namespace IncidentDesk.Core.Tests.Mail;

public sealed class SmtpAnswerTests
{
    [Theory]
    [InlineData(421, SendFailure.Transient)]
    [InlineData(450, SendFailure.Transient)]
    [InlineData(452, SendFailure.Transient)]
    [InlineData(550, SendFailure.Permanent)]
    [InlineData(554, SendFailure.Permanent)]
    public void Reply_codes_are_read_as_rfc_5321_says(int code, SendFailure failure) => Assert.Equal(failure, SmtpAnswer.Classify(code));

    [Fact]
    public void The_back_off_doubles_from_the_first_wait_up_to_the_cap()
    {
        var now = new DateTime(2027, 4, 19, 10, 0, 0, DateTimeKind.Utc);
        var waits = Enumerable.Range(1, 8).Select(a => SmtpAnswer.NextAttempt(now, a, TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(60)) - now).ToList();
        Assert.Equal([1, 2, 4, 8, 16, 32, 60, 60], waits.Select(w => (int)w.TotalMinutes));
    }

    [Fact]
    public void An_answer_is_kept_on_one_bounded_line() =>
        Assert.Equal("550 5.1.1 no such user here", SmtpAnswer.Describe(550, "5.1.1 no such\r\nuser here"));
}

public sealed class MailHeaderTextTests
{
    [Theory]
    [InlineData("ana@coop.example\r\nBcc: todos@federacao.example")]
    [InlineData("ana@coop.example\nBcc: x@y.example")]
    [InlineData("Ana <ana@coop.example>")]
    [InlineData("ana@coop.example, bia@coop.example")]
    [InlineData("ana@localhost")]
    [InlineData("")]
    public void Anything_but_one_plain_address_is_refused(string value) => Assert.Null(MailHeaderText.Address(value));

    [Fact]
    public void A_plain_address_is_kept_lower_cased() => Assert.Equal("ana.souza@coop.example", MailHeaderText.Address(" Ana.Souza@Coop.Example "));

    [Fact]
    public void Names_and_subjects_lose_every_line_break_and_control_character() =>
        Assert.Equal("CoopSaúde Bcc: espião@example.org", MailHeaderText.Flatten("CoopSaúde\r\nBcc:\tespião@example.org\u0000", 300));
}
