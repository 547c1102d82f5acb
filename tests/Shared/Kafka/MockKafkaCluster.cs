using System.Net;
using System.Reflection;
using System.Runtime.InteropServices;

namespace IncidentDesk.Testing.Kafka;

/// <summary>
/// A real broker speaking the Kafka protocol on loopback: librdkafka's mock cluster (shipped in the librdkafka.redist
/// package), started through its native API. Its brokers listen on 127.0.0.1 only. The API is experimental in librdkafka,
/// hence the pinned package version.
/// </summary>
public sealed class MockKafkaCluster : IDisposable
{
    public const short ProduceApi = 0;
    public const short FetchApi = 1;
    public const short MetadataApi = 3;
    public const short ApiVersionsApi = 18;
    public const int TopicAuthorizationFailed = 29;

    private IntPtr _handle;
    private IntPtr _cluster;

    private MockKafkaCluster(IntPtr handle, IntPtr cluster, int brokers)
    {
        _handle = handle;
        _cluster = cluster;
        Bootstraps = [.. (Marshal.PtrToStringUTF8(Native.rd_kafka_mock_cluster_bootstraps(cluster)) ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(IPEndPoint.Parse)];
        if (Bootstraps.Count != brokers || Bootstraps.Any(b => !IPAddress.IsLoopback(b.Address)))
        {
            throw new InvalidOperationException($"The mock cluster must listen on loopback only; it gave {string.Join(",", Bootstraps)}.");
        }

        Native.rd_kafka_mock_start_request_tracking(cluster);
    }

    /// <summary>Every broker's listener, broker 1 first.</summary>
    public IReadOnlyList<IPEndPoint> Bootstraps { get; }

    public IPEndPoint Broker(int id) => Bootstraps[id - 1];

    public static MockKafkaCluster Start(int brokers = 1)
    {
        var conf = Native.rd_kafka_conf_new();
        var error = new byte[512];
        // Quiet: a producer handle that never produces, only hosting the cluster.
        if (Native.rd_kafka_conf_set(conf, Z("log_level"), Z("0"), error, (UIntPtr)error.Length) != 0)
        {
            throw new InvalidOperationException("rd_kafka_conf_set failed.");
        }

        var handle = Native.rd_kafka_new(0, conf, error, (UIntPtr)error.Length);
        if (handle == IntPtr.Zero)
        {
            throw new InvalidOperationException("rd_kafka_new failed: " + System.Text.Encoding.UTF8.GetString(error).TrimEnd('\0'));
        }

        var cluster = Native.rd_kafka_mock_cluster_new(handle, brokers);
        if (cluster == IntPtr.Zero)
        {
            Native.rd_kafka_destroy(handle);
            throw new InvalidOperationException("rd_kafka_mock_cluster_new failed.");
        }

        return new MockKafkaCluster(handle, cluster, brokers);
    }

    public void CreateTopic(string name, int partitions = 1) =>
        Check(Native.rd_kafka_mock_topic_create(_cluster, Z(name), partitions, 1), $"create topic {name}");

    /// <summary>The broker answers this topic's metadata with <paramref name="error"/> (e.g. 29, topic authorization failed).</summary>
    public void SetTopicError(string name, int error) => Native.rd_kafka_mock_topic_set_error(_cluster, Z(name), error);

    /// <summary>What the broker advertises as its address in metadata answers (not where it listens).</summary>
    public void Advertise(int brokerId, string host, int port) => Native.rd_kafka_mock_broker_set_host_port(_cluster, brokerId, Z(host), port);

    /// <summary>Narrows the versions the cluster offers for one API (to reach the older, non-flexible Metadata encoding).</summary>
    public void SetApiVersions(short apiKey, short min, short max) =>
        Check(Native.rd_kafka_mock_set_apiversion(_cluster, apiKey, min, max), $"api {apiKey} versions");

    /// <summary>The requests every broker received since start (or the last <see cref="ClearRequests"/>): broker id and API key.</summary>
    public IReadOnlyList<(int Broker, short ApiKey)> Requests()
    {
        var array = Native.rd_kafka_mock_get_requests(_cluster, out var count);
        var requests = new List<(int, short)>((int)count);
        for (var i = 0; i < (int)count; i++)
        {
            var request = Marshal.ReadIntPtr(array, i * IntPtr.Size);
            requests.Add((Native.rd_kafka_mock_request_id(request), Native.rd_kafka_mock_request_api_key(request)));
        }

        Native.rd_kafka_mock_request_destroy_array(array, count);
        return requests;
    }

    public void ClearRequests() => Native.rd_kafka_mock_clear_requests(_cluster);

    public void Dispose()
    {
        if (_cluster != IntPtr.Zero)
        {
            Native.rd_kafka_mock_cluster_destroy(_cluster);
            _cluster = IntPtr.Zero;
        }

        if (_handle != IntPtr.Zero)
        {
            Native.rd_kafka_destroy(_handle);
            _handle = IntPtr.Zero;
        }
    }

    /// <summary>A C string: UTF-8, zero-terminated.</summary>
    private static byte[] Z(string text) => [.. System.Text.Encoding.UTF8.GetBytes(text), 0];

    private static void Check(int error, string what)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"librdkafka mock: {what} failed with {error}.");
        }
    }

    private static class Native
    {
        private const string Library = "incidentdesk-librdkafka";

        static Native() => NativeLibrary.SetDllImportResolver(typeof(Native).Assembly, Resolve);

        // The package's default librdkafka.so needs libsasl2.so.3, which Debian 12 does not have; its CentOS 8 build
        // does not, and carries the same mock cluster.
        private static IntPtr Resolve(string name, Assembly assembly, DllImportSearchPath? path)
        {
            if (name != Library)
            {
                return IntPtr.Zero;
            }

            var folder = Path.Combine(AppContext.BaseDirectory, "runtimes", "linux-x64", "native");
            return NativeLibrary.Load(Path.Combine(folder, OperatingSystem.IsLinux() ? "centos8-librdkafka.so" : "librdkafka.so"));
        }

        [DllImport(Library)] public static extern IntPtr rd_kafka_conf_new();

        [DllImport(Library)]
        public static extern int rd_kafka_conf_set(
            IntPtr conf, byte[] name, byte[] value,
            byte[] errstr, UIntPtr errstrSize);

        [DllImport(Library)] public static extern IntPtr rd_kafka_new(int type, IntPtr conf, byte[] errstr, UIntPtr errstrSize);

        [DllImport(Library)] public static extern void rd_kafka_destroy(IntPtr rk);

        [DllImport(Library)] public static extern IntPtr rd_kafka_mock_cluster_new(IntPtr rk, int brokers);

        [DllImport(Library)] public static extern void rd_kafka_mock_cluster_destroy(IntPtr cluster);

        [DllImport(Library)] public static extern IntPtr rd_kafka_mock_cluster_bootstraps(IntPtr cluster);

        [DllImport(Library)]
        public static extern int rd_kafka_mock_topic_create(
            IntPtr cluster, byte[] topic, int partitions, int replicationFactor);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_topic_set_error(IntPtr cluster, byte[] topic, int error);

        [DllImport(Library)]
        public static extern void rd_kafka_mock_broker_set_host_port(
            IntPtr cluster, int brokerId, byte[] host, int port);

        [DllImport(Library)] public static extern int rd_kafka_mock_set_apiversion(IntPtr cluster, short apiKey, short min, short max);

        [DllImport(Library)] public static extern void rd_kafka_mock_start_request_tracking(IntPtr cluster);

        [DllImport(Library)] public static extern IntPtr rd_kafka_mock_get_requests(IntPtr cluster, out UIntPtr count);

        [DllImport(Library)] public static extern int rd_kafka_mock_request_id(IntPtr request);

        [DllImport(Library)] public static extern short rd_kafka_mock_request_api_key(IntPtr request);

        [DllImport(Library)] public static extern void rd_kafka_mock_request_destroy_array(IntPtr requests, UIntPtr count);

        [DllImport(Library)] public static extern void rd_kafka_mock_clear_requests(IntPtr cluster);
    }
}
