using IncidentDesk.Core.Campaigns;

namespace IncidentDesk.Core.Tests.Campaigns;

public sealed class TaskStatusRulesTests
{
    private static readonly TaskRequirements StatusOnly = new(TaskAnswerType.StatusOnly, EvidenceRequired: false);

    public static TheoryData<CoopTaskStatus, CoopTaskStatus> EveryChange()
    {
        // The statuses people answer with; Cancelled is terminal and comes only from cancelling the campaign (tested below).
        var answerable = Enum.GetValues<CoopTaskStatus>().Where(s => s != CoopTaskStatus.Cancelled).ToList();
        var data = new TheoryData<CoopTaskStatus, CoopTaskStatus>();
        foreach (var from in answerable)
        {
            foreach (var to in answerable.Where(to => to != from))
            {
                data.Add(from, to);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryChange))]
    public void Any_status_may_follow_any_other_when_its_requirements_are_met(CoopTaskStatus from, CoopTaskStatus to)
    {
        var update = new TaskUpdate(to, Note: "Motivo registrado pela cooperativa", Answer: null, HasEvidence: false);

        Assert.Null(TaskStatusRules.Check(from, update, StatusOnly));
    }

    [Theory]
    [InlineData(CoopTaskStatus.Blocked, TaskUpdateRefusal.ReasonRequired)]
    [InlineData(CoopTaskStatus.NotApplicable, TaskUpdateRefusal.JustificationRequired)]
    public void Blocked_needs_a_reason_and_not_applicable_a_justification(CoopTaskStatus to, TaskUpdateRefusal refusal)
    {
        Assert.Equal(refusal, TaskStatusRules.Check(CoopTaskStatus.Open, new TaskUpdate(to, "   ", null, false), StatusOnly));
    }

    [Theory]
    [InlineData(TaskAnswerType.YesNo, "", TaskUpdateRefusal.AnswerRequired)]
    [InlineData(TaskAnswerType.YesNo, "talvez", TaskUpdateRefusal.AnswerInvalid)]
    [InlineData(TaskAnswerType.Number, "muitos", TaskUpdateRefusal.AnswerInvalid)]
    [InlineData(TaskAnswerType.Text, "  ", TaskUpdateRefusal.AnswerRequired)]
    public void Done_needs_the_answer_the_task_asks_for(TaskAnswerType type, string answer, TaskUpdateRefusal refusal)
    {
        var update = new TaskUpdate(CoopTaskStatus.Done, null, answer, HasEvidence: false);

        Assert.Equal(refusal, TaskStatusRules.Check(CoopTaskStatus.InProgress, update, new TaskRequirements(type, false)));
    }

    [Fact]
    public void Done_needs_evidence_when_the_task_requires_it()
    {
        var requirements = new TaskRequirements(TaskAnswerType.YesNo, EvidenceRequired: true);

        Assert.Equal(TaskUpdateRefusal.EvidenceRequired,
            TaskStatusRules.Check(CoopTaskStatus.Open, new TaskUpdate(CoopTaskStatus.Done, null, "sim", HasEvidence: false), requirements));
        Assert.Null(TaskStatusRules.Check(CoopTaskStatus.Open, new TaskUpdate(CoopTaskStatus.Done, null, "sim", HasEvidence: true), requirements));
    }

    [Fact]
    public void Repeating_the_current_status_with_nothing_to_say_is_refused_but_a_note_is_welcome()
    {
        Assert.Equal(TaskUpdateRefusal.Unchanged,
            TaskStatusRules.Check(CoopTaskStatus.InProgress, new TaskUpdate(CoopTaskStatus.InProgress, null, null, false), StatusOnly));
        Assert.Null(TaskStatusRules.Check(CoopTaskStatus.InProgress,
            new TaskUpdate(CoopTaskStatus.InProgress, "Aguardando o fornecedor", null, false), StatusOnly));
    }

    [Fact]
    public void Texts_past_their_limit_are_refused()
    {
        var update = new TaskUpdate(CoopTaskStatus.Blocked, new string('x', TaskStatusRules.MaxNote + 1), null, false);

        Assert.Equal(TaskUpdateRefusal.TooLong, TaskStatusRules.Check(CoopTaskStatus.Open, update, StatusOnly));
    }

    [Fact]
    public void An_undefined_status_is_refused()
    {
        Assert.Equal(TaskUpdateRefusal.UnknownStatus,
            TaskStatusRules.Check(CoopTaskStatus.Open, new TaskUpdate((CoopTaskStatus)42, "x", null, false), StatusOnly));
    }

    [Theory]
    [InlineData(CoopTaskStatus.Open)]
    [InlineData(CoopTaskStatus.Done)]
    public void Nobody_answers_a_task_into_withdrawn_only_cancelling_its_campaign_does(CoopTaskStatus current)
    {
        Assert.Equal(TaskUpdateRefusal.UnknownStatus,
            TaskStatusRules.Check(current, new TaskUpdate(CoopTaskStatus.Cancelled, "Não se aplica a nós", null, false), StatusOnly));
    }

    [Theory]
    [InlineData(TaskAnswerType.YesNo, "Sim", "sim")]
    [InlineData(TaskAnswerType.YesNo, "NÃO", "não")]
    [InlineData(TaskAnswerType.YesNo, "nao", "não")]
    [InlineData(TaskAnswerType.Number, "14.000", "14000")]
    [InlineData(TaskAnswerType.Number, "1.234,5", "1234.5")]
    [InlineData(TaskAnswerType.Number, "1234.5", "1234.5")]
    [InlineData(TaskAnswerType.Number, "140000", "140000")]
    [InlineData(TaskAnswerType.Text, "  Revogamos as credenciais.  ", "Revogamos as credenciais.")]
    public void Answers_are_stored_in_one_form(TaskAnswerType type, string typed, string stored)
    {
        Assert.Equal(stored, TaskStatusRules.Normalise(type, typed));
    }
}
