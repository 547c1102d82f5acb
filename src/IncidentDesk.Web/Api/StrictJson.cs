using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using IncidentDesk.Core.Common;

namespace IncidentDesk.Web.Api;

/// <summary>A value the API refuses to guess at; <see cref="UnreadableBodyHandler"/> answers it as a 400 naming the field and <see cref="Code"/>.</summary>
internal sealed class RefusedJsonValueException(string code) : JsonException(code)
{
    public const string OffsetRequired = "OffsetRequired";
    public const string ControlCharacter = "ControlCharacter";

    public string Code { get; } = code;
}

/// <summary>
/// Instants in request bodies must say their offset (<c>2026-03-01T10:00:00-03:00</c> or <c>…Z</c>): an instant without
/// one would be read in the server's zone, three hours off Brasília, and a deadline counted from it would be wrong.
/// </summary>
internal sealed class OffsetRequiredConverter : JsonConverter<DateTimeOffset>
{
    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString() ?? "";
        var time = text.IndexOf('T', StringComparison.Ordinal);
        var hasOffset = time > 0 && (text.EndsWith('Z') || text.EndsWith('z') || text.AsSpan(time).IndexOfAny('+', '-') > 0);
        if (!hasOffset)
        {
            throw new RefusedJsonValueException(RefusedJsonValueException.OffsetRequired);
        }

        return reader.GetDateTimeOffset();
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture));
    }
}

/// <summary>Text in request bodies holds no control characters but tab and line breaks (<see cref="TextRules"/>).</summary>
internal sealed class PlainTextConverter : JsonConverter<string>
{
    public override bool HandleNull => false;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return TextRules.HasControlCharacters(text) ? throw new RefusedJsonValueException(RefusedJsonValueException.ControlCharacter) : text;
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }
}
