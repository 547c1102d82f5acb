using System.Globalization;
using System.Text.Json;

using IncidentDesk.Core.Common;
using IncidentDesk.Core.Incidents;
using IncidentDesk.Core.Timeline;
using IncidentDesk.Data;
using IncidentDesk.Web.Features.Audit;
using IncidentDesk.Web.Features.Live;
using IncidentDesk.Web.Outcomes;
using IncidentDesk.Web.Security;

using Microsoft.EntityFrameworkCore;

namespace IncidentDesk.Web.Features.Incidents.Figures;

/// <summary>
/// Key figures with provenance. Officers write; whoever may see the incident reads.
/// Every change is kept: the audit trail is the figure's history, and each change also appears on the
/// incident's timeline (officers only), in the same transaction.
/// </summary>
public sealed class KeyFigureService(IDbContextFactory<IncidentDeskDbContext> dbFactory, CurrentUser user, AuditLog audit, TimeProvider time, IChangeFeed feed)
{
    public const int LabelMax = 200;
    public const int UnitMax = 60;
    public const int SourceMax = 300;
    public const int NoteMax = 2000;

    private const string EntityType = nameof(KeyFigure);

    /// <summary>The incident's figures with their ids; null when the incident does not exist or is not visible.</summary>
    public async Task<IReadOnlyList<KeyFigureRow>?> ListAsync(int incidentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await CanSeeIncidentAsync(db, incidentId, cancellationToken))
        {
            return null;
        }

        var figures = await db.KeyFigures.AsNoTracking().Where(f => f.IncidentId == incidentId)
            .OrderBy(f => f.SortOrder).ThenBy(f => f.Id).ToListAsync(cancellationToken);
        return [.. figures.Select(Row)];
    }

    /// <summary>Adds a figure; the new figure's id.</summary>
    public async Task<Result<int>> AddAsync(int incidentId, KeyFigureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, nameof(Incident), incidentId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken))
        {
            return Result.NotFound();
        }

        var order = await db.KeyFigures.Where(f => f.IncidentId == incidentId).Select(f => (int?)f.SortOrder).MaxAsync(cancellationToken) ?? 0;
        var figure = new KeyFigure
        {
            IncidentId = incidentId,
            Label = "",
            Unit = "",
            Source = "",
            SortOrder = order + 1,
        };
        Apply(figure, input);
        db.KeyFigures.Add(figure);
        AddEvent(db, incidentId,
            $"Número registrado: {figure.Label} — {AutoEventText.Value(figure.Value)} {figure.Unit} ({AutoEventText.Status(figure.Status)})",
            $"Fonte: {figure.Source}; data de referência: {figure.AsOf.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture)}.");
        await audit.SaveChangesAsync(db, AuditActions.KeyFigureCreated, cancellationToken);
        await feed.PublishAsync(ChangeKind.Figure, figure.IncidentId, user, time, figure.Id, cancellationToken: cancellationToken);
        return Result.Success(figure.Id);
    }

    /// <summary>Replaces a figure's fields; the figure's id.</summary>
    public async Task<Result<int>> UpdateAsync(int figureId, KeyFigureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, figureId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return Result.Invalid(errors);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var figure = await db.KeyFigures.FirstOrDefaultAsync(f => f.Id == figureId, cancellationToken);
        if (figure is null)
        {
            return Result.NotFound();
        }

        var before = KeyFigureSnapshot.Of(figure);
        Apply(figure, input);
        var changes = KeyFigureHistory.Changes(before, KeyFigureSnapshot.Of(figure));
        if (changes.Count == 0)
        {
            return Result.Success(figure.Id);
        }

        var statusPart = before.Status != figure.Status
            ? $" ({AutoEventText.Status(before.Status)} → {AutoEventText.Status(figure.Status)})"
            : $" ({AutoEventText.Status(figure.Status)})";
        AddEvent(db, figure.IncidentId,
            $"Número atualizado: {figure.Label} — {AutoEventText.Value(figure.Value)}{statusPart}",
            string.Join("\n", changes.Select(c =>
                $"{AutoEventText.Field(c.Field)}: {AutoEventText.ChangeValue(c.Field, c.Before)} → {AutoEventText.ChangeValue(c.Field, c.After)}")));
        await audit.SaveChangesAsync(db, AuditActions.KeyFigureUpdated, cancellationToken);
        await feed.PublishAsync(ChangeKind.Figure, figure.IncidentId, user, time, figure.Id, cancellationToken: cancellationToken);
        return Result.Success(figure.Id);
    }

    public async Task<Result> DeleteAsync(int figureId, CancellationToken cancellationToken = default)
    {
        if (await audit.ForbiddenUnlessAsync(user.IsOfficer, EntityType, figureId.ToString(CultureInfo.InvariantCulture), cancellationToken) is { } forbidden)
        {
            return forbidden;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var figure = await db.KeyFigures.FirstOrDefaultAsync(f => f.Id == figureId, cancellationToken);
        if (figure is null)
        {
            return Result.NotFound();
        }

        db.KeyFigures.Remove(figure);
        AddEvent(db, figure.IncidentId,
            $"Número removido: {figure.Label} — {AutoEventText.Value(figure.Value)} {figure.Unit} ({AutoEventText.Status(figure.Status)})",
            $"Fonte: {figure.Source}.");
        await audit.SaveChangesAsync(db, cancellationToken: cancellationToken);
        await feed.PublishAsync(ChangeKind.Figure, figure.IncidentId, user, time, figureId, cancellationToken: cancellationToken);
        return Result.Success();
    }

    /// <summary>
    /// Every change of one figure, oldest first, from the audit trail; null when the figure's incident is not
    /// visible to the caller (audited as denied) or no such figure ever existed.
    /// </summary>
    public async Task<IReadOnlyList<KeyFigureHistoryRow>?> HistoryAsync(int figureId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = figureId.ToString(CultureInfo.InvariantCulture);
        // A figure's history is its audit entries, which only officers and auditors read directly: a liaison reads them
        // here, and only once the figure's incident is known to be theirs to see (below).
        var entries = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.EntityType == EntityType && e.EntityId == id)
            .OrderBy(e => e.Sequence)
            .ToListAsync(cancellationToken);
        if (entries.Count == 0)
        {
            return null;
        }

        // The figure may be deleted: its incident is known from the creation entry (or the live row).
        var incidentId = await db.KeyFigures.Where(f => f.Id == figureId).Select(f => (int?)f.IncidentId).FirstOrDefaultAsync(cancellationToken)
            ?? entries.Select(e => IncidentIdOf(e.Changes)).FirstOrDefault(i => i is not null);
        if (incidentId is not { } incident || !await CanSeeIncidentAsync(db, incident, cancellationToken))
        {
            await audit.DeniedAsync(EntityType, id, cancellationToken);
            return null;
        }

        var rows = new List<KeyFigureHistoryRow>();
        foreach (var entry in entries)
        {
            var kind = entry.Action.EndsWith(".Created", StringComparison.Ordinal) ? KeyFigureHistoryKind.Created
                : entry.Action.EndsWith(".Deleted", StringComparison.Ordinal) ? KeyFigureHistoryKind.Deleted
                : KeyFigureHistoryKind.Updated;
            rows.AddRange(ParseChanges(entry.Sequence, entry.AtUtc, entry.ActorName, kind, entry.Changes));
        }

        return rows;
    }

    /// <summary>The refused fields of an input (messages in FiguresResource); empty when it may be saved.</summary>
    public IReadOnlyList<FieldError> Validate(KeyFigureInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new List<FieldError>();
        CheckText(errors, nameof(KeyFigureInput.Label), input.Label, LabelMax, FigureErrors.LabelRequired, FigureErrors.LabelTooLong);
        if (input.Value is null)
        {
            errors.Add(FigureErrors.Error(FigureErrors.ValueRequired));
        }
        else if (input.Value < 0)
        {
            errors.Add(FigureErrors.Error(FigureErrors.ValueNegative));
        }

        CheckText(errors, nameof(KeyFigureInput.Unit), input.Unit, UnitMax, FigureErrors.UnitRequired, FigureErrors.UnitTooLong);
        if (input.Status is not { } status || !Enum.IsDefined(status))
        {
            errors.Add(FigureErrors.Error(FigureErrors.StatusRequired));
        }

        CheckText(errors, nameof(KeyFigureInput.Source), input.Source, SourceMax, FigureErrors.SourceRequired, FigureErrors.SourceTooLong);
        if (input.AsOf is not { } asOf)
        {
            errors.Add(FigureErrors.Error(FigureErrors.AsOfRequired));
        }
        else if (asOf > TodayInBrasilia())
        {
            errors.Add(FigureErrors.Error(FigureErrors.AsOfFuture));
        }

        if ((input.Note?.Trim().Length ?? 0) > NoteMax)
        {
            errors.Add(FigureErrors.Error(FigureErrors.NoteTooLong));
        }
        else if (TextRules.HasControlCharacters(input.Note))
        {
            errors.Add(FigureErrors.ControlCharacter(nameof(KeyFigureInput.Note)));
        }

        return errors;
    }

    private DateOnly TodayInBrasilia() => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime + PartialDate.BrasiliaOffset);

    private static void CheckText(List<FieldError> errors, string field, string? text, int max, string required, string tooLong)
    {
        var trimmed = text?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            errors.Add(FigureErrors.Error(required));
        }
        else if (trimmed.Length > max)
        {
            errors.Add(FigureErrors.Error(tooLong));
        }
        else if (TextRules.HasControlCharacters(trimmed))
        {
            errors.Add(FigureErrors.ControlCharacter(field));
        }
    }

    private static void Apply(KeyFigure figure, KeyFigureInput input)
    {
        figure.Label = input.Label!.Trim();
        figure.Value = input.Value!.Value;
        figure.Unit = input.Unit!.Trim();
        figure.Status = input.Status!.Value;
        figure.Source = input.Source!.Trim();
        figure.AsOf = input.AsOf!.Value;
        figure.Note = string.IsNullOrWhiteSpace(input.Note) ? null : input.Note.Trim();
    }

    private void AddEvent(IncidentDeskDbContext db, int incidentId, string title, string? description) =>
        db.TimelineEvents.Add(AutomaticEvents.Create(incidentId, TimelineEventKind.Figure, time.GetUtcNow().UtcDateTime, title, description, user.Name));

    /// <summary>
    /// Officers and auditors list the figures of any incident; a liaison only where their co-op is involved (the query
    /// filter leaves them their own co-op's involvement) — a co-op asked only to confirm it is unaffected reads the figures
    /// in the incident's overview, not this editable list.
    /// </summary>
    private Task<bool> CanSeeIncidentAsync(IncidentDeskDbContext db, int incidentId, CancellationToken cancellationToken) =>
        user.IsOfficerOrAuditor
            ? db.Incidents.AnyAsync(i => i.Id == incidentId, cancellationToken)
            : db.CoopInvolvements.AnyAsync(v => v.IncidentId == incidentId, cancellationToken);

    private static KeyFigureRow Row(KeyFigure f) => new(f.Id, f.IncidentId, f.Label, f.Value, f.Unit, f.Status, f.Source, f.AsOf, f.Note);

    private static int? IncidentIdOf(string? changes)
    {
        if (changes is null)
        {
            return null;
        }

        using var json = JsonDocument.Parse(changes);
        return json.RootElement.ValueKind == JsonValueKind.Object
            && json.RootElement.TryGetProperty(nameof(KeyFigure.IncidentId), out var value)
            && value.ValueKind == JsonValueKind.Number
            && value.TryGetInt32(out var id) ? id : null;
    }

    private static IEnumerable<KeyFigureHistoryRow> ParseChanges(long sequence, DateTime atUtc, string who, KeyFigureHistoryKind kind, string? changes)
    {
        if (changes is null)
        {
            yield break;
        }

        using var json = JsonDocument.Parse(changes);
        if (json.RootElement.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        var rows = new List<KeyFigureHistoryRow>();
        foreach (var property in json.RootElement.EnumerateObject())
        {
            if (!Enum.TryParse<KeyFigureField>(property.Name, out var field))
            {
                continue; // IncidentId, SortOrder: not what the figure says
            }

            string? before = null;
            string? after = null;
            switch (kind)
            {
                case KeyFigureHistoryKind.Created:
                    after = Text(field, property.Value);
                    break;
                case KeyFigureHistoryKind.Deleted:
                    before = Text(field, property.Value);
                    break;
                default:
                    if (property.Value.ValueKind == JsonValueKind.Object)
                    {
                        before = property.Value.TryGetProperty("from", out var from) ? Text(field, from) : null;
                        after = property.Value.TryGetProperty("to", out var to) ? Text(field, to) : null;
                    }

                    break;
            }

            if (kind == KeyFigureHistoryKind.Updated || before is not null || after is not null)
            {
                rows.Add(new KeyFigureHistoryRow(sequence, atUtc, who, kind, field.ToString(), before, after));
            }
        }

        foreach (var row in rows.OrderBy(r => Enum.Parse<KeyFigureField>(r.Field)))
        {
            yield return row;
        }
    }

    /// <summary>A stored JSON value as the invariant text <see cref="KeyFigureHistory"/> uses.</summary>
    private static string? Text(KeyFigureField field, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.Null or JsonValueKind.Undefined:
                return null;
            case JsonValueKind.Number when field == KeyFigureField.Status && value.TryGetInt32(out var status):
                return ((FigureStatus)status).ToString();
            case JsonValueKind.Number when value.TryGetDecimal(out var number):
                return KeyFigureHistory.FormatValue(number);
            case JsonValueKind.String:
                var text = value.GetString();
                return field == KeyFigureField.Note && string.IsNullOrWhiteSpace(text) ? null : text;
            default:
                return value.GetRawText();
        }
    }
}
