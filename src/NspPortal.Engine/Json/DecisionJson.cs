using System.Text.Encodings.Web;
using System.Text.Json;
using NspPortal.Engine.Evaluation;

namespace NspPortal.Engine.Json;

/// <summary>Writes <c>nsp evaluate</c> decision lines (docs/cli.md): every key always present, in this order:
/// <c>id, result, category, matchedRule, trafficType, perimeterGuid, profile, accessMode, error</c>, then <c>trace</c>
/// when explaining.</summary>
public static class DecisionJson
{
    /// <summary>Writer options for one compact line (apostrophes and non-ASCII unescaped; it is not HTML).</summary>
    public static JsonWriterOptions WriterOptions { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, Indented = false };

    /// <summary>Writes one decision object.</summary>
    public static void Write(Utf8JsonWriter writer, string? id, in Decision decision, IReadOnlyList<TraceStep>? trace = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteString("result", decision.Result == DecisionResult.Allowed ? "Allowed" : "Denied");
        writer.WriteString("category", decision.Category?.ToString());
        writer.WriteString("matchedRule", decision.MatchedRule);
        writer.WriteString("trafficType", decision.TrafficType.ToString());
        if (decision.PerimeterGuid is { } guid)
        {
            writer.WriteString("perimeterGuid", guid);
        }
        else
        {
            writer.WriteNull("perimeterGuid");
        }

        writer.WriteString("profile", decision.Profile);
        writer.WriteString("accessMode", decision.AccessMode?.ToString());
        if (decision.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("code", error.Code);
            writer.WriteString("message", error.Message);
            writer.WriteEndObject();
        }
        else
        {
            writer.WriteNull("error");
        }

        if (trace is not null)
        {
            writer.WriteStartArray("trace");
            foreach (var step in trace)
            {
                writer.WriteStartObject();
                writer.WriteString("check", step.Check.ToString());
                writer.WriteString("against", step.Against);
                writer.WriteString("outcome", step.Outcome.ToString());
                writer.WriteString("detail", step.Detail);
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes <c>{"id":…,"error":{"code":…,"message":…}}</c> for a request that could not be evaluated.</summary>
    public static void WriteError(Utf8JsonWriter writer, string? id, string code, string message)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        writer.WriteString("id", id);
        writer.WriteStartObject("error");
        writer.WriteString("code", code);
        writer.WriteString("message", message);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }
}
