using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using IncidentDesk.Core.Exposure;
using IncidentDesk.Core.Exposure.Kafka;
using Microsoft.Extensions.Options;

namespace IncidentDesk.Web.Features.Exposure.Probe;

/// <summary>
/// Checks one declared Kafka endpoint the way the reference case was found: connect, ask for the cluster's metadata
/// without credentials, and see whether it lists topics. Never a produce, never a fetch: two requests, ApiVersions and
/// Metadata, on one socket to one vetted address.
/// </summary>
/// <remarks>
/// Why the two requests are written here instead of asked of a Kafka client library: every maintained .NET client
/// (Confluent.Kafka over librdkafka is the one served to this project) treats the address it is given only as a way in —
/// it reads the brokers the metadata advertises and connects to those, and librdkafka even re-learns the bootstrap
/// broker's own advertised name. No setting confines it to the bootstrap address (librdkafka's connect and resolve hooks
/// are not exposed by the .NET client), so a broker advertising 10.0.0.5 would steer the desk into the federation's own
/// network. The library is used where it can be held to the rules: its mock cluster is the broker the tests check.
/// </remarks>
public sealed class KafkaProbe(IOptions<ExposureWatchOptions> options, TimeProvider time)
{
    /// <summary>An ApiVersions answer is a few hundred bytes; a server that announces more is not answering it.</summary>
    public const int MaxApiVersionsBytes = 64 * 1024;

    /// <summary>A metadata answer listing ~100,000 topics fits; more is not worth holding in memory for a check.</summary>
    public const int MaxMetadataBytes = 16 * 1024 * 1024;

    private const int ApiVersionsCorrelation = 1;
    private const int MetadataCorrelation = 2;

    /// <exception cref="OperationCanceledException">The run was cancelled (nothing is recorded for this endpoint then).</exception>
    public async Task<ProbeResult> CheckAsync(string host, int port, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        var settings = options.Value;
        var started = time.GetTimestamp();
        var target = await ProbeTarget.ResolveAsync(host, port, settings.AllowPrivateTargets, settings.ResolveTimeout, cancellationToken);
        if (target.EndPoint is not { } endPoint)
        {
            return new ProbeResult(target.Refusal!.Value, target.Detail, time.GetElapsedTime(started), null, []);
        }

        var (outcome, detail, topics) = await AskAsync(endPoint, settings, cancellationToken);
        return new ProbeResult(outcome, detail, time.GetElapsedTime(started), endPoint.ToString(), topics);
    }

    private static async Task<(ExposureOutcome, CheckDetail, IReadOnlyList<string>)> AskAsync(
        IPEndPoint endPoint, ExposureWatchOptions settings, CancellationToken cancellationToken)
    {
        using var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        if (await ConnectAsync(socket, endPoint, settings.ConnectTimeout, cancellationToken) is { } failed)
        {
            return (ExposureOutcome.Unreachable, failed, []);
        }

        await using var stream = new NetworkStream(socket, ownsSocket: false);
        var versions = await ExchangeAsync(stream, KafkaProtocol.ApiVersionsRequest(ApiVersionsCorrelation), MaxApiVersionsBytes,
            settings.ResponseTimeout, cancellationToken);
        if (versions.Frame is not { } versionsFrame)
        {
            return versions.Status switch
            {
                FrameStatus.Timeout => (ExposureOutcome.Unreachable, CheckDetail.ResponseTimeout, []),
                FrameStatus.Closed => (ExposureOutcome.Unreachable, CheckDetail.ClosedWithoutAnswer, []),
                _ => (ExposureOutcome.NotKafka, CheckDetail.NotKafkaAnswer, []),
            };
        }

        short? metadataVersion;
        try
        {
            metadataVersion = KafkaProtocol.ChooseMetadataVersion(KafkaProtocol.ReadApiVersions(versionsFrame, ApiVersionsCorrelation));
        }
        catch (KafkaFormatException)
        {
            return (ExposureOutcome.NotKafka, CheckDetail.NotKafkaAnswer, []);
        }

        if (metadataVersion is not { } version)
        {
            return (ExposureOutcome.NotKafka, CheckDetail.NoCommonMetadataVersion, []);
        }

        var metadata = await ExchangeAsync(stream, KafkaProtocol.MetadataRequest(version, MetadataCorrelation), MaxMetadataBytes,
            settings.ResponseTimeout, cancellationToken);
        if (metadata.Frame is not { } metadataFrame)
        {
            return metadata.Status switch
            {
                // A listener that requires SASL answers ApiVersions (clients need it to log in) and then hangs up on anything
                // else asked before authentication.
                FrameStatus.Closed => (ExposureOutcome.AuthRequired, CheckDetail.ClosedAfterHandshake, []),
                FrameStatus.Timeout => (ExposureOutcome.Unreachable, CheckDetail.ResponseTimeout, []),
                _ => (ExposureOutcome.NotKafka, CheckDetail.NotKafkaAnswer, []),
            };
        }

        try
        {
            var verdict = KafkaProtocol.Judge(KafkaProtocol.ReadMetadata(metadataFrame, version, MetadataCorrelation));
            return (verdict.Outcome, verdict.Detail, verdict.Topics);
        }
        catch (KafkaFormatException)
        {
            return (ExposureOutcome.NotKafka, CheckDetail.NotKafkaAnswer, []);
        }
    }

    private static async Task<CheckDetail?> ConnectAsync(Socket socket, IPEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, limit.Token);
            return null;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return CheckDetail.ConnectTimeout;
        }
        catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionRefused or SocketError.ConnectionReset)
        {
            return CheckDetail.ConnectionRefused;
        }
        catch (SocketException)
        {
            return CheckDetail.NetworkError;
        }
    }

    private enum FrameStatus
    {
        Complete,
        Closed,
        Timeout,
        Malformed,
    }

    private readonly record struct FrameRead(FrameStatus Status, byte[]? Frame);

    /// <summary>Sends one request and reads one size-prefixed answer within <paramref name="timeout"/>.</summary>
    private static async Task<FrameRead> ExchangeAsync(
        NetworkStream stream, byte[] request, int maxBytes, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await stream.WriteAsync(request, limit.Token);
            var size = new byte[4];
            var read = await ReadAsync(stream, size, limit.Token);
            if (read == 0)
            {
                return new FrameRead(FrameStatus.Closed, null);
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(size);
            // A Kafka answer starts with its size; "HTTP", "SSH-" or a TLS alert read as a size are absurd ones.
            if (read < 4 || length < 4 || length > maxBytes)
            {
                return new FrameRead(FrameStatus.Malformed, null);
            }

            var frame = await ReadFrameAsync(stream, length, limit.Token);
            return frame is null ? new FrameRead(FrameStatus.Malformed, null) : new FrameRead(FrameStatus.Complete, frame);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return new FrameRead(FrameStatus.Timeout, null);
        }
        catch (IOException)
        {
            // Reset by the peer while we wrote or read: it hung up on us.
            return new FrameRead(FrameStatus.Closed, null);
        }
    }

    /// <summary>
    /// The frame's <paramref name="length"/> bytes, or null when the peer closes first. Memory grows with what arrives, not
    /// with what the size promised: a server announcing 16 MB and sending nothing costs nothing.
    /// </summary>
    private static async Task<byte[]?> ReadFrameAsync(NetworkStream stream, int length, CancellationToken cancellationToken)
    {
        using var frame = new MemoryStream(Math.Min(length, 64 * 1024));
        var chunk = new byte[Math.Min(length, 64 * 1024)];
        while (frame.Length < length)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - frame.Length)), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            frame.Write(chunk, 0, read);
        }

        return frame.ToArray();
    }

    /// <summary>Fills <paramref name="buffer"/> unless the peer closes first; returns how much arrived.</summary>
    private static async Task<int> ReadAsync(NetworkStream stream, byte[] buffer, CancellationToken cancellationToken)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(total), cancellationToken);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }
}
