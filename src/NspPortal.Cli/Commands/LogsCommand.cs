using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using NspPortal.Data.Traffic.Import;

namespace NspPortal.Cli.Commands;

/// <summary><c>nsp logs import --file &lt;path|-&gt; [--skip-invalid]</c>: imports an NSP access-log file (Log Analytics CSV
/// or JSON, raw resource-log JSON lines; gzip accepted) into the portal's database in one transaction, and prints
/// <c>{"imported":N,"rejected":N,"duplicates":N,"errors":[{"line":N,"message":"…"}]}</c>; progress goes to standard
/// error. Exit codes: 0 imported (with <c>--skip-invalid</c>, also when records were refused), 1 nothing imported
/// because records were refused, 2 usage error or unreadable file.</summary>
internal static class LogsCommand
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var logs = new Command("logs", "NSP access logs (NSPAccessLogs): import files into the portal.");
        logs.Subcommands.Add(CreateImport());
        return logs;
    }

    private static Command CreateImport()
    {
        var file = new Option<string>("--file", "-f") { Description = "Log file: Log Analytics CSV/JSON export or resource-log JSON lines (gzip accepted); '-' reads standard input.", Required = true };
        var skipInvalid = new Option<bool>("--skip-invalid") { Description = "Import every valid record and report the others (default: one invalid record imports nothing)." };
        var database = new DatabaseOptions();
        var command = new Command("import", "Import an NSP access-log file in one transaction; prints the counts and refused lines as JSON.");
        command.Options.Add(file);
        command.Options.Add(skipInvalid);
        database.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var path = parse.GetRequiredValue(file);
            Stream input;
            try
            {
                input = path == "-" ? Console.OpenStandardInput() : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                await error.WriteLineAsync($"nsp logs import: cannot read '{path}': {e.Message}");
                return 2;
            }

            await using (input)
            {
                Data.NspDbContext db;
                try
                {
                    db = DatabaseOptions.Open(database.Settings(parse));
                }
                catch (Exception e) when (e is InvalidOperationException or FileNotFoundException)
                {
                    await error.WriteLineAsync($"nsp logs import: {e.Message}");
                    return 2;
                }

                await using (db)
                {
                    var progress = new ConsoleProgress(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);
                    var result = await new TrafficLogImporter(db).ImportAsync(input, new TrafficImportOptions
                    {
                        FileName = path == "-" ? "stdin" : path,
                        SkipInvalid = parse.GetValue(skipInvalid),
                        ImportedBy = DatabaseOptions.Caller.Name,
                        Progress = progress,
                    }, cancellationToken);
                    progress.Finish();
                    await WriteResultAsync(parse.InvocationConfiguration.Output, result);
                    return result.Rejected > 0 && result.ImportId is null ? 1 : 0;
                }
            }
        });
        return command;
    }

    /// <summary>The answer's exact shape: imported, rejected, duplicates, errors (line, message), nothing else.</summary>
    internal static async Task WriteResultAsync(TextWriter output, TrafficImportResult result)
    {
        using var buffer = new MemoryStream();
        await using (var json = new Utf8JsonWriter(buffer, JsonOptions))
        {
            json.WriteStartObject();
            json.WriteNumber("imported", result.Imported);
            json.WriteNumber("rejected", result.Rejected);
            json.WriteNumber("duplicates", result.Duplicates);
            json.WriteStartArray("errors");
            foreach (var e in result.Errors)
            {
                json.WriteStartObject();
                json.WriteNumber("line", e.Line);
                json.WriteString("message", e.Message);
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        await output.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        await output.FlushAsync();
    }

    /// <summary>Progress on standard error: one line a second (a rewritten line on a terminal).</summary>
    private sealed class ConsoleProgress(TextWriter error, bool terminal) : IProgress<TrafficImportProgress>
    {
        private DateTime _last = DateTime.MinValue;
        private bool _wrote;

        public void Report(TrafficImportProgress value)
        {
            if (!value.Done && DateTime.UtcNow - _last < TimeSpan.FromSeconds(1))
            {
                return;
            }

            _last = DateTime.UtcNow;
            var percent = value.Percent is { } p ? $"{p,3}% " : "";
            var text = string.Create(CultureInfo.InvariantCulture,
                $"nsp logs import: {percent}{value.Records:N0} records read, {value.Imported:N0} imported, {value.Duplicates:N0} duplicates, {value.Rejected:N0} rejected{(value.Done ? ", done" : "")}");
            if (terminal)
            {
                error.Write("\r" + text);
                _wrote = true;
            }
            else
            {
                error.WriteLine(text);
            }
        }

        public void Finish()
        {
            if (_wrote)
            {
                error.WriteLine();
            }
        }
    }
}
