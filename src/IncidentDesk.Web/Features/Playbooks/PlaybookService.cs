using System.Globalization;
using IncidentDesk.Core.Campaigns;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Playbooks;

/// <summary>
/// The federation's playbooks: reusable task lists an officer launches as a campaign. Officers write, officers and
/// auditors read, liaisons are refused (audited). A launch copies the steps into the campaign's own tasks, so nothing
/// here ever changes a campaign already launched; that is also why a launched playbook is archived, not deleted.
/// </summary>
public sealed class PlaybookService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time)
{
    /// <summary>Every playbook (archived ones too), by name, with its size, last change and how many campaigns used it.</summary>
    public async Task<Result<IReadOnlyList<PlaybookRow>>> ListAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(Playbook), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Playbooks.AsNoTracking()
            .Select(p => new PlaybookRow(p.Id, p.Name, p.Description, p.IsArchived, p.Steps.Count, p.UpdatedAtUtc, p.UpdatedBy,
                db.Campaigns.Count(c => c.PlaybookId == p.Id)))
            .ToListAsync(cancellationToken);
        return Result.Success<IReadOnlyList<PlaybookRow>>(
            [.. rows.OrderBy(r => r.IsArchived).ThenBy(r => r.Name, StringComparer.Create(CultureInfo.GetCultureInfo("pt-BR"), ignoreCase: true))]);
    }

    /// <summary>One playbook with its steps in order (officers and auditors).</summary>
    public async Task<Result<PlaybookDetail>> GetAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficerOrAuditor, nameof(Playbook), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var playbook = await db.Playbooks.AsNoTracking().Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (playbook is null)
        {
            return Result.NotFound();
        }

        var draft = new PlaybookDraft
        {
            Name = playbook.Name,
            Description = playbook.Description,
            Steps = [.. playbook.Steps.OrderBy(s => s.Order).Select(s => new PlaybookStepDraft
            {
                Id = s.Id, Title = s.Title, Instructions = s.Instructions, DueInBusinessDays = s.DueInBusinessDays,
                EvidenceRequired = s.EvidenceRequired, AnswerType = s.AnswerType,
            })],
        };
        var used = await db.Campaigns.CountAsync(c => c.PlaybookId == id, cancellationToken);
        return Result.Success(new PlaybookDetail(playbook.Id, draft, playbook.IsArchived, playbook.UpdatedAtUtc, playbook.UpdatedBy, used));
    }

    /// <summary>Saves a new playbook (officers only); its id.</summary>
    public async Task<Result<int>> CreateAsync(PlaybookDraft draft, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Playbook), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var errors = await ValidateAsync(db, null, draft, cancellationToken);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        var playbook = new Playbook { Name = "" };
        Apply(playbook, draft);
        Stamp(playbook);
        db.Playbooks.Add(playbook);
        return await SaveAsync(db, playbook, AuditActions.PlaybookCreated, cancellationToken);
    }

    /// <summary>
    /// Replaces the playbook's name, description and steps. Steps keep their identity (a move is saved as a new
    /// order, an edit as an edit), so the audit trail shows what really changed. Nothing changed writes nothing.
    /// With <paramref name="basedOnUpdatedAtUtc"/> (the last change the editor opened), a playbook someone else saved
    /// since is not overwritten: the answer is <see cref="Result.ChangedSinceRead"/> with a <see cref="PlaybookConflict"/>
    /// naming them, and nothing is saved.
    /// </summary>
    public async Task<Result<int>> UpdateAsync(
        int id, PlaybookDraft draft, DateTime? basedOnUpdatedAtUtc = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(draft);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Playbook), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The comparison with what the editor opened and the write, under the audit writer: no save can come between.
        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        var playbook = await db.Playbooks.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (playbook is null)
        {
            return Result.NotFound();
        }

        if (basedOnUpdatedAtUtc is { } basedOn && playbook.UpdatedAtUtc != basedOn)
        {
            return Result.ChangedSinceRead(PlaybookConflict.MessageKey, new PlaybookConflict(playbook.UpdatedBy, playbook.UpdatedAtUtc));
        }

        var errors = await ValidateAsync(db, id, draft, cancellationToken);
        if (errors.Count > 0)
        {
            return errors.ToFailure();
        }

        Apply(playbook, draft);
        if (!db.ChangeTracker.HasChanges())
        {
            return Result.Success(id);
        }

        Stamp(playbook);
        var saved = await SaveAsync(db, playbook, AuditActions.PlaybookUpdated, cancellationToken);
        if (saved.Succeeded)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <summary>Archives (hides from the launch dialog) or brings back a playbook; its launched campaigns are untouched.</summary>
    public async Task<Result<int>> SetArchivedAsync(int id, bool archived, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Playbook), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var playbook = await db.Playbooks.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (playbook is null)
        {
            return Result.NotFound();
        }

        if (playbook.IsArchived != archived)
        {
            playbook.IsArchived = archived;
            Stamp(playbook);
            await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        }

        return Result.Success(id);
    }

    /// <summary>
    /// Deletes a playbook no campaign ever used. A used one is refused with <see cref="PlaybookError.InUse"/>: its
    /// campaigns point at it as the record of what was asked, so it is archived instead.
    /// </summary>
    public async Task<Result<int>> DeleteAsync(int id, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Playbook), Id(id), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var playbook = await db.Playbooks.Include(p => p.Steps).FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (playbook is null)
        {
            return Result.NotFound();
        }

        if (await db.Campaigns.AnyAsync(c => c.PlaybookId == id, cancellationToken))
        {
            return Result.Invalid(PlaybookField.Playbook, PlaybookError.InUse, "Error.InUse");
        }

        db.PlaybookSteps.RemoveRange(playbook.Steps);
        db.Playbooks.Remove(playbook);
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        return Result.Success(id);
    }

    private async Task<Result<int>> SaveAsync(IncidentDeskDbContext db, Playbook playbook, string action, CancellationToken cancellationToken)
    {
        try
        {
            await audit.SaveChangesAsync(db, action, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another officer saved the same name between our check and our write: the unique index refused it.
            if (await NameTakenAsync(playbook.Id, playbook.Name, cancellationToken))
            {
                return Result.Invalid(PlaybookField.Name, PlaybookError.Duplicate, "Error.Duplicate");
            }

            throw;
        }

        return Result.Success(playbook.Id);
    }

    private async Task<bool> NameTakenAsync(int id, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await IsTakenAsync(db, id, name, cancellationToken);
    }

    private static async Task<bool> IsTakenAsync(IncidentDeskDbContext db, int? id, string name, CancellationToken cancellationToken)
    {
        // Compared in memory: SQLite's NOCASE folds ASCII only, and "Ação" and "AÇÃO" are the same playbook to a person.
        var names = await db.Playbooks.AsNoTracking().Where(p => p.Id != id).Select(p => p.Name).ToListAsync(cancellationToken);
        return names.Any(n => string.Equals(n.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase));
    }

    private static async Task<FieldErrors> ValidateAsync(
        IncidentDeskDbContext db, int? id, PlaybookDraft draft, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        FieldRules.Text(errors, PlaybookField.Name, draft.Name, PlaybookLimits.Name, required: true);
        FieldRules.Text(errors, PlaybookField.Description, draft.Description, PlaybookLimits.Description, required: false);
        if (!errors.Has(PlaybookField.Name) && await IsTakenAsync(db, id, draft.Name!, cancellationToken))
        {
            errors.Add(PlaybookField.Name, PlaybookError.Duplicate);
        }

        if (draft.Steps.Count == 0)
        {
            errors.Add(new FieldError(PlaybookField.Steps, PlaybookError.Required, "Error.NoSteps"));
        }
        else if (draft.Steps.Count > PlaybookLimits.MaxSteps)
        {
            errors.Add(PlaybookField.Steps, PlaybookError.TooManySteps, PlaybookLimits.MaxSteps);
        }

        for (var i = 0; i < draft.Steps.Count; i++)
        {
            var step = draft.Steps[i];
            FieldRules.Text(errors, PlaybookField.Step(i, "Title"), step.Title, PlaybookLimits.StepTitle, required: true);
            FieldRules.Text(errors, PlaybookField.Step(i, "Instructions"), step.Instructions, PlaybookLimits.Instructions, required: false);
            if (step.DueInBusinessDays is < PlaybookLimits.MinDueInBusinessDays or > PlaybookLimits.MaxDueInBusinessDays)
            {
                errors.Add(PlaybookField.Step(i, "DueInBusinessDays"), PlaybookError.OutOfRange,
                    PlaybookLimits.MinDueInBusinessDays, PlaybookLimits.MaxDueInBusinessDays);
            }

            if (!Enum.IsDefined(step.AnswerType))
            {
                errors.Add(PlaybookField.Step(i, "AnswerType"), PlaybookError.Unknown);
            }
        }

        return errors;
    }

    /// <summary>Writes the draft onto the tracked playbook: steps matched by id are updated, the rest added or removed.</summary>
    private static void Apply(Playbook playbook, PlaybookDraft draft)
    {
        playbook.Name = draft.Name!.Trim();
        playbook.Description = draft.Description?.Trim() ?? "";
        var kept = new HashSet<PlaybookStep>();
        var order = 0;
        foreach (var input in draft.Steps)
        {
            var step = playbook.Steps.FirstOrDefault(s => s.Id != 0 && s.Id == input.Id && !kept.Contains(s));
            if (step is null)
            {
                step = new PlaybookStep { Title = "" };
                playbook.Steps.Add(step);
            }

            kept.Add(step);
            step.Order = ++order;
            step.Title = input.Title!.Trim();
            step.Instructions = input.Instructions?.Trim() ?? "";
            step.DueInBusinessDays = input.DueInBusinessDays;
            step.EvidenceRequired = input.EvidenceRequired;
            step.AnswerType = input.AnswerType;
        }

        playbook.Steps.RemoveAll(s => !kept.Contains(s));
    }

    private void Stamp(Playbook playbook)
    {
        playbook.UpdatedAtUtc = time.GetUtcNow().UtcDateTime;
        playbook.UpdatedBy = user.Name;
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
