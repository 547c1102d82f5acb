namespace IncidentDesk.Web.Security;

/// <summary>Reads an uploaded file no further than its limit: an oversized upload costs the server the limit, not its size.</summary>
public static class BoundedUpload
{
    /// <summary>The file's bytes, or null when it is larger than <paramref name="maxBytes"/> (read no further).</summary>
    public static async Task<byte[]?> ReadAsync(Stream file, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await file.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
