using System.Buffers;
using System.CommandLine;
using System.Text;
using System.Text.Json;
using NspPortal.Engine.Evaluation;
using NspPortal.Engine.Json;
using NspPortal.Engine.Validation;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp evaluate --config snapshot.json --requests requests.jsonl|- [--explain]</c>: one decision line per
/// request line, in order (contract: docs/cli.md). Exit codes: 0 evaluated (malformed lines are answered with an
/// <c>InvalidRequest</c> line), 1 usage error or unreadable requests, 2 missing or invalid snapshot.</summary>
internal static class EvaluateCommand
{
    public const int Success = 0;
    public const int RequestsUnreadable = 1;
    public const int InvalidSnapshot = 2;

    public static Command Create()
    {
        var config = new Option<string>("--config") { Description = "Snapshot JSON: {\"resources\":[ARM resources], \"paasResources\":[…]}.", Required = true };
        var requests = new Option<string>("--requests") { Description = "Requests, one JSON object per line; '-' reads standard input.", Required = true };
        var explain = new Option<bool>("--explain") { Description = "Add the ordered evaluation trace to each decision." };
        var command = new Command("evaluate", "Decide connections the way Azure Network Security Perimeter would, one JSON line per request.")
        {
            config,
            requests,
            explain,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var console = ReferenceEquals(output, Console.Out);
            // Console.Out flushes on every write; a buffered writer keeps millions of lines fast.
            var writer = console ? new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false), 1 << 16) : output;
            try
            {
                return await RunAsync(parse.GetValue(config)!, parse.GetValue(requests)!, parse.GetValue(explain), Console.In, writer,
                    parse.InvocationConfiguration.Error, cancellationToken);
            }
            finally
            {
                if (console)
                {
                    await writer.DisposeAsync();
                }
            }
        });
        return command;
    }

    /// <summary>Runs the command against explicit streams (tests pass readers and writers).</summary>
    public static async Task<int> RunAsync(string configPath, string requestsPath, bool explain, TextReader standardInput,
        TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        byte[] snapshot;
        try
        {
            snapshot = await File.ReadAllBytesAsync(configPath, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"nsp evaluate: cannot read the snapshot '{configPath}': {e.Message}");
            return InvalidSnapshot;
        }

        var read = SnapshotReader.Read(snapshot);
        foreach (var issue in read.Validation.Issues)
        {
            await error.WriteLineAsync($"{(issue.IsError ? "error" : "warning")}: {issue.Target}: {issue.Code}: {issue.Message}");
        }

        if (read.Configuration is null)
        {
            await error.WriteLineAsync($"nsp evaluate: the snapshot '{configPath}' is invalid ({read.Validation.Errors.Count()} errors).");
            return InvalidSnapshot;
        }

        var index = DecisionIndex.Build(read.Configuration);
        TextReader input;
        try
        {
            input = requestsPath == "-" ? standardInput : new StreamReader(requestsPath, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            await error.WriteLineAsync($"nsp evaluate: cannot read the requests '{requestsPath}': {e.Message}");
            return RequestsUnreadable;
        }

        try
        {
            await EvaluateLinesAsync(index, input, output, explain, cancellationToken);
        }
        finally
        {
            if (!ReferenceEquals(input, standardInput))
            {
                input.Dispose();
            }
        }

        await output.FlushAsync(cancellationToken);
        return Success;
    }

    private static async Task EvaluateLinesAsync(DecisionIndex index, TextReader input, TextWriter output, bool explain, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using var json = new Utf8JsonWriter(buffer, DecisionJson.WriterOptions);
        var chars = new char[4096];
        var lineNumber = 0;
        while (await input.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            buffer.ResetWrittenCount();
            json.Reset(buffer);
            if (!RequestJson.TryParse(line, out var request, out var id, out var problem))
            {
                DecisionJson.WriteError(json, id, ErrorCodes.InvalidRequest, $"line {lineNumber}: {problem}");
            }
            else if (explain)
            {
                var explanation = index.Explain(request!);
                DecisionJson.Write(json, id, explanation.Decision, explanation.Trace);
            }
            else
            {
                var resolved = index.Resolve(request!);
                DecisionJson.Write(json, id, index.Evaluate(in resolved));
            }

            json.Flush();
            var needed = Encoding.UTF8.GetMaxCharCount(buffer.WrittenCount);
            if (chars.Length < needed)
            {
                chars = new char[needed];
            }

            var count = Encoding.UTF8.GetChars(buffer.WrittenSpan, chars);
            await output.WriteAsync(chars.AsMemory(0, count), cancellationToken);
            await output.WriteAsync('\n');
        }
    }
}
