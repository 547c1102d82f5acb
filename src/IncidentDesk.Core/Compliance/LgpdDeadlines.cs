using IncidentDesk.Core.Common;

namespace IncidentDesk.Core.Compliance;

public enum DeadlineKind
{
    /// <summary>Communication to the ANPD (R15 art. 6 caput and §1).</summary>
    AnpdCommunication,

    /// <summary>Notice to the affected data subjects (R15 art. 9).</summary>
    SubjectNotice,

    /// <summary>Declaration to the ANPD of how the subjects were told (R15 art. 9 §4).</summary>
    ChannelDeclaration,

    /// <summary>Complementary information after a preliminary communication (R15 art. 6 §3).</summary>
    ComplementaryInformation,
}

/// <summary>
/// One legal deadline of one controller co-op: the working (strict) date the desk plans against and the latest
/// defensible date (optional days and closures skipped), both Brasília calendar days; the deadline runs to the end of
/// that day. <see cref="BusinessDays"/> and <see cref="Rule"/> (the articles applied; labels are the UI's) say how it was computed.
/// </summary>
public sealed record LgpdDeadline(
    DeadlineKind Kind, DateOnly Start, int BusinessDays, DateOnly Working, DateOnly LatestDefensible, string Rule)
{
    /// <summary>The first instant after the working deadline (midnight at the end of the day, Brasília time, in UTC).</summary>
    public DateTime WorkingEndsAtUtc => Brasilia.EndOfDayUtc(Working);

    public DateTime LatestDefensibleEndsAtUtc => Brasilia.EndOfDayUtc(LatestDefensible);
}

/// <summary>The LGPD incident deadlines of one controller (R15 arts. 6 and 9; counting per R1 art. 8).</summary>
public static class LgpdDeadlines
{
    public const int AnpdBusinessDays = 3;
    public const int SubjectBusinessDays = 3;
    public const int ChannelDeclarationBusinessDays = 3;
    public const int ComplementaryBusinessDays = 20;

    /// <summary>
    /// Every deadline that runs from the controller's knowledge ("ciência", R15 art. 6 §1) — the Brasília calendar day of
    /// <paramref name="knowledgeAtUtc"/> is day zero. A small processing agent (ATPP, R15 art. 6 §8 and art. 9 §6) has the
    /// ANPD and subject deadlines doubled. The complementary deadline appears once the communication was filed.
    /// </summary>
    public static IReadOnlyList<LgpdDeadline> For(
        DateTime knowledgeAtUtc, bool smallAgent, BusinessCalendar calendar, DateTime? communicationFiledAtUtc = null)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        var factor = smallAgent ? 2 : 1;
        var start = Brasilia.Day(knowledgeAtUtc);
        var anpd = Compute(DeadlineKind.AnpdCommunication, start, AnpdBusinessDays * factor, calendar,
            smallAgent ? "R15 art. 6 caput, §1, §8" : "R15 art. 6 caput, §1");
        var subjects = Compute(DeadlineKind.SubjectNotice, start, SubjectBusinessDays * factor, calendar,
            smallAgent ? "R15 art. 9 caput, §6" : "R15 art. 9 caput");

        // The declaration counts from the end of the subject-notice deadline; each mode counts from its own end.
        var declarationWorking = calendar.AddBusinessDays(subjects.Working, ChannelDeclarationBusinessDays, DeadlineMode.Working);
        var declarationDefensible = calendar.AddBusinessDays(
            subjects.LatestDefensible, ChannelDeclarationBusinessDays, DeadlineMode.LatestDefensible);
        var declaration = new LgpdDeadline(DeadlineKind.ChannelDeclaration, subjects.Working, ChannelDeclarationBusinessDays,
            declarationWorking, declarationDefensible, "R15 art. 9 §4");

        List<LgpdDeadline> deadlines = [anpd, subjects, declaration];
        if (communicationFiledAtUtc is { } filed)
        {
            deadlines.Add(Compute(DeadlineKind.ComplementaryInformation, Brasilia.Day(filed), ComplementaryBusinessDays * factor,
                calendar, smallAgent ? "R15 art. 6 §3, §8" : "R15 art. 6 §3"));
        }

        return deadlines;
    }

    private static LgpdDeadline Compute(DeadlineKind kind, DateOnly start, int days, BusinessCalendar calendar, string rule) =>
        new(kind, start, days,
            calendar.AddBusinessDays(start, days, DeadlineMode.Working),
            calendar.AddBusinessDays(start, days, DeadlineMode.LatestDefensible),
            rule);
}
