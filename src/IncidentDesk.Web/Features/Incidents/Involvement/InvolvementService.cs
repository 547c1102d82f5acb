using System.Globalization;
using System.Text.Json;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Data.Audit;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Incidents.Figures;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents.Involvement;

/// <summary>
/// Which co-ops take part in an incident, in which role and since when each one knew.
/// Officers write. A co-op's knowledge time starts its own legal clock (LGPD art. 48; Res. CD/ANPD 15 art. 6),
/// so changing it needs a reason, which is kept on the timeline and in the audit trail.
/// </summary>
public sealed class InvolvementService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    public const int NotesMax = 2000;
    public const int ReasonMax = 500;

    private const string EntityType = nameof(CoopInvolvement);

    /// <summary>All involvements with ids (officers and auditors); null when the incident does not exist or is not visible.</summary>
    public async Task<IReadOnlyList<InvolvementRow>?> ListAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The query filter leaves a liaison their own co-op's involvement; their list exists only where their co-op is
        // involved (a co-op asked only to confirm it is unaffected has none).
        var query = db.CoopInvolvements.AsNoTracking().Where(v => v.IncidentId == incidentId);
        if (!await (user.IsOfficerOrAuditor ? db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken) : query.AnyAsync(cancellationToken)))
        {
            return null;
        }

        return await query.OrderBy(v => v.Coop!.Code)
            .Select(v => new InvolvementRow(v.Id, v.IncidentId, v.CoopId, v.Coop!.Code, v.Coop.Name, v.Coop.Uf, v.Role, v.KnowledgeAtUtc, v.Notes))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Active co-ops whose code, name or city contains the text (officers), for the add dialog.</summary>
    public async Task<Result<IReadOnlyList<CoopOption>>> FindCoopsAsync(string? text, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Core.Coops.Coop), null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var coops = db.Coops.AsNoTracking().Where(c => c.IsActive);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = $"%{text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            coops = coops.Where(c => SearchText.Like(c.Code, pattern) || SearchText.Like(c.Name, pattern)
                || SearchText.Like(c.City, pattern));
        }

        return Result.Success<IReadOnlyList<CoopOption>>(
            await coops.OrderBy(c => c.Code).Take(20).Select(c => new CoopOption(c.Id, c.Code, c.Name, c.Uf)).ToListAsync(cancellationToken));
    }

    /// <summary>The federations with their active co-op counts (officers), for the bulk add.</summary>
    public async Task<Result<IReadOnlyList<FederationOption>>> FederationsAsync(CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, "Federation", null, cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return Result.Success<IReadOnlyList<FederationOption>>(await db.Federations.AsNoTracking().OrderBy(f => f.Uf).ThenBy(f => f.Name)
            .Select(f => new FederationOption(f.Id, f.Code, f.Name, f.Uf, db.Coops.Count(c => c.FederationId == f.Id && c.IsActive)))
            .ToListAsync(cancellationToken));
    }

    /// <summary>Adds one or many co-ops; those already involved are skipped. The value is how many were added.</summary>
    public async Task<Result<int>> AddAsync(
        int incidentId, IReadOnlyCollection<int> coopIds, InvolvementRole role, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(coopIds);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        if (coopIds.Count == 0)
        {
            return FigureErrors.Invalid(FigureErrors.NoCoops);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = coopIds.Distinct().ToList();
        var found = await db.Coops.AsNoTracking().Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(cancellationToken);
        if (found.Count != ids.Count)
        {
            return FigureErrors.Invalid(FigureErrors.UnknownCoop);
        }

        return await AddCoreAsync(db, incidentId, ids, role, criterion: null, cancellationToken);
    }

    /// <summary>Adds every active co-op of a UF.</summary>
    public async Task<Result<int>> AddByUfAsync(int incidentId, string uf, InvolvementRole role, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var code = uf?.Trim().ToUpperInvariant() ?? "";
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Coops.AsNoTracking().Where(c => c.Uf == code && c.IsActive).Select(c => c.Id).ToListAsync(cancellationToken);
        if (ids.Count == 0)
        {
            return FigureErrors.Invalid(FigureErrors.UnknownUf);
        }

        return await AddCoreAsync(db, incidentId, ids, role, new Criterion("UF", code, $"de {code}"), cancellationToken);
    }

    /// <summary>Adds every active co-op of a federation.</summary>
    public async Task<Result<int>> AddByFederationAsync(
        int incidentId, int federationId, InvolvementRole role, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var federation = await db.Federations.AsNoTracking().FirstOrDefaultAsync(f => f.Id == federationId, cancellationToken);
        if (federation is null)
        {
            return FigureErrors.Invalid(FigureErrors.UnknownFederation);
        }

        var ids = await db.Coops.AsNoTracking().Where(c => c.FederationId == federationId && c.IsActive).Select(c => c.Id)
            .ToListAsync(cancellationToken);
        return await AddCoreAsync(db, incidentId, ids, role,
            new Criterion("Federation", federation.Code, $"da {federation.Name}"), cancellationToken);
    }

    /// <summary>Adds every active co-op of the federation system.</summary>
    public async Task<Result<int>> AddAllAsync(int incidentId, InvolvementRole role, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = await db.Coops.AsNoTracking().Where(c => c.IsActive).Select(c => c.Id).ToListAsync(cancellationToken);
        return await AddCoreAsync(db, incidentId, ids, role, new Criterion("All", "*", "do sistema (todas)"), cancellationToken);
    }

    /// <summary>
    /// Changes role, knowledge time and notes. A different knowledge time needs a reason and may not lie in the
    /// future: it moves that co-op's legal deadline.
    /// </summary>
    public async Task<Result> UpdateAsync(
        int involvementId, InvolvementRole role, DateTime? knowledgeAtUtc, string? reason, string? notes,
        CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, involvementId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var involvement = await db.CoopInvolvements.Include(v => v.Coop).FirstOrDefaultAsync(v => v.Id == involvementId, cancellationToken);
        if (involvement is null)
        {
            return Result.NotFound();
        }

        // A role the desk does not know names no involvement one could be given (the API sends any number).
        if (!Enum.IsDefined(role))
        {
            return Result.NotFound();
        }

        var errors = new List<FieldError>();
        var knowledge = knowledgeAtUtc is { } k ? DateTime.SpecifyKind(k, DateTimeKind.Utc) : (DateTime?)null;
        var cleanReason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim();
        var cleanNotes = string.IsNullOrWhiteSpace(notes) ? null : notes.Trim();
        var knowledgeChanged = knowledge is { } kk && kk != involvement.KnowledgeAtUtc;
        if (knowledge is null)
        {
            errors.Add(FigureErrors.Error(FigureErrors.KnowledgeRequired));
        }
        else if (knowledge > time.GetUtcNow().UtcDateTime)
        {
            errors.Add(FigureErrors.Error(FigureErrors.KnowledgeFuture));
        }

        if (knowledgeChanged && cleanReason is null)
        {
            errors.Add(FigureErrors.Error(FigureErrors.ReasonRequired));
        }
        else if (cleanReason is { Length: > ReasonMax })
        {
            errors.Add(FigureErrors.Error(FigureErrors.ReasonTooLong));
        }
        else if (TextRules.HasControlCharacters(cleanReason))
        {
            errors.Add(FigureErrors.ControlCharacter("Reason"));
        }

        if (cleanNotes is { Length: > NotesMax })
        {
            errors.Add(FigureErrors.Error(FigureErrors.NotesTooLong));
        }
        else if (TextRules.HasControlCharacters(cleanNotes))
        {
            errors.Add(FigureErrors.ControlCharacter("Notes"));
        }

        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        var code = involvement.Coop!.Code;
        var oldRole = involvement.Role;
        var oldKnowledge = involvement.KnowledgeAtUtc;
        var roleChanged = role != oldRole;
        var notesChanged = !string.Equals(cleanNotes, involvement.Notes, StringComparison.Ordinal);
        if (!roleChanged && !knowledgeChanged && !notesChanged)
        {
            return Result.Success();
        }

        involvement.Role = role;
        involvement.KnowledgeAtUtc = knowledge!.Value;
        involvement.Notes = cleanNotes;

        var titles = new List<string>();
        if (knowledgeChanged)
        {
            titles.Add($"Ciência da {code} alterada para {AutoEventText.Brasilia(knowledge.Value)} — motivo: {cleanReason}");
        }

        if (roleChanged)
        {
            titles.Add($"Papel da {code} alterado: {AutoEventText.Role(oldRole)} → {AutoEventText.Role(role)}");
        }

        if (titles.Count == 0)
        {
            titles.Add($"Observações da {code} atualizadas");
        }

        var description = new List<string>();
        if (knowledgeChanged)
        {
            description.Add($"Ciência: {AutoEventText.Brasilia(oldKnowledge)} → {AutoEventText.Brasilia(knowledge.Value)} (horário de Brasília). Motivo: {cleanReason}");
        }

        if (roleChanged)
        {
            description.Add($"Papel: {AutoEventText.Role(oldRole)} → {AutoEventText.Role(role)}");
        }

        if (notesChanged)
        {
            description.Add("Observações atualizadas.");
        }

        AddEvent(db, involvement.IncidentId, string.Join("; ", titles), string.Join("\n", description));

        await using var transaction = await audit.BeginTransactionAsync(db, cancellationToken);
        await audit.SaveChangesAsync(db, AuditActions.InvolvementUpdated, cancellationToken);
        if (knowledgeChanged)
        {
            // The reason is not a column: it lives on the timeline and here, next to the before/after of the change.
            await audit.SaveChangesAsync(db, new AuditRecord(AuditActions.InvolvementKnowledgeChanged, EntityType,
                involvementId.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(new { coop = code, from = oldKnowledge, to = knowledge.Value, reason = cleanReason })),
                cancellationToken: cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        await feed.PublishAsync(ChangeKind.Involvement, involvement.IncidentId, user, time, involvementId, involvement.CoopId, cancellationToken);
        return Result.Success();
    }

    public async Task<Result> RemoveAsync(int involvementId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, involvementId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var involvement = await db.CoopInvolvements.Include(v => v.Coop).FirstOrDefaultAsync(v => v.Id == involvementId, cancellationToken);
        if (involvement is null)
        {
            return Result.NotFound();
        }

        db.CoopInvolvements.Remove(involvement);
        AddEvent(db, involvement.IncidentId,
            $"{involvement.Coop!.Code} removida do incidente (era {AutoEventText.Role(involvement.Role)})", null);
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        await feed.PublishAsync(ChangeKind.Involvement, involvement.IncidentId, user, time, involvementId, involvement.CoopId, cancellationToken);
        return Result.Success();
    }

    private sealed record Criterion(string Kind, string Value, string Words);

    private async Task<Result<int>> AddCoreAsync(
        IncidentDeskDbContext db, int incidentId, List<int> coopIds, InvolvementRole role, Criterion? criterion,
        CancellationToken cancellationToken)
    {
        if (!Enum.IsDefined(role))
        {
            return Result.NotFound();
        }

        var incident = await db.Incidents.AsNoTracking().Where(i => i.Id == incidentId)
            .Select(i => new { i.KnowledgeAtUtc }).FirstOrDefaultAsync(cancellationToken);
        if (incident is null)
        {
            return Result.NotFound();
        }

        var existing = await db.CoopInvolvements.Where(v => v.IncidentId == incidentId).Select(v => v.CoopId).ToListAsync(cancellationToken);
        var toAdd = coopIds.Except(existing).ToList();
        if (toAdd.Count == 0)
        {
            return Result.Success(0);
        }

        var codes = await db.Coops.AsNoTracking().Where(c => toAdd.Contains(c.Id)).OrderBy(c => c.Code).Select(c => c.Code)
            .ToListAsync(cancellationToken);
        foreach (var coopId in toAdd)
        {
            db.CoopInvolvements.Add(new CoopInvolvement
            {
                IncidentId = incidentId,
                CoopId = coopId,
                Role = role,
                KnowledgeAtUtc = incident.KnowledgeAtUtc,
            });
        }

        var roleWords = AutoEventText.Role(role);
        var skipped = coopIds.Count - toAdd.Count;
        string title = toAdd.Count == 1 && criterion is null
            ? $"{codes[0]} adicionada ao incidente ({roleWords})"
            : $"{toAdd.Count} cooperativas {(criterion is null ? "" : criterion.Words + " ")}adicionadas ({roleWords})";
        var description = $"Ciência inicial: {AutoEventText.Brasilia(incident.KnowledgeAtUtc)} (a do incidente)."
            + (skipped > 0 ? $" {skipped} já vinculada(s), mantida(s) como estava(m)." : "")
            + $"\n{string.Join(", ", codes)}";
        AddEvent(db, incidentId, title, description);

        AuditRecord? summary = toAdd.Count == 1 && criterion is null
            ? null
            : new AuditRecord(AuditActions.InvolvementsBulkAdded, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture),
                JsonSerializer.Serialize(new
                {
                    count = toAdd.Count,
                    skipped,
                    criterion = criterion is null ? "Selection" : criterion.Kind,
                    value = criterion?.Value,
                    role = role.ToString(),
                    coops = codes,
                }));
        if (summary is null)
        {
            await audit.SaveChangesAsync(db, AuditActions.InvolvementCreated, cancellationToken);
        }
        else
        {
            await audit.SaveChangesAsync(db, summary, cancellationToken: cancellationToken);
        }
        await feed.PublishAsync(ChangeKind.Involvement, incidentId, user, time, cancellationToken: cancellationToken);
        return Result.Success(toAdd.Count);
    }

    private void AddEvent(IncidentDeskDbContext db, int incidentId, string title, string? description) =>
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Involvement, time.GetUtcNow().UtcDateTime, title, description, user.Name));
}
