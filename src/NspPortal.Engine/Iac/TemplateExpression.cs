using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace NspPortal.Engine.Iac;

/// <summary>What template expressions can see: the deployment's subscription and resource group (for
/// <c>resourceId()</c>) and the template's parameters and variables.</summary>
public sealed class TemplateContext(Guid subscriptionId, string resourceGroup, Func<string, (JsonNode? Value, string? Error)> parameter,
    Func<string, (JsonNode? Value, string? Error)> variable)
{
    /// <summary>The subscription <c>resourceId()</c> uses when not given one.</summary>
    public Guid SubscriptionId { get; } = subscriptionId;

    /// <summary>The resource group <c>resourceId()</c> uses when not given one.</summary>
    public string ResourceGroup { get; } = resourceGroup;

    internal (JsonNode? Value, string? Error) Parameter(string name) => parameter(name);

    internal (JsonNode? Value, string? Error) Variable(string name) => variable(name);
}

/// <summary>The limited ARM template expression evaluator of template import: string literals, numbers, and the
/// functions <c>parameters</c>, <c>variables</c>, <c>resourceId</c>, <c>format</c> and <c>concat</c>. Anything else —
/// another function, a property access such as <c>resourceGroup().location</c> — is an error that names the expression.</summary>
public static class TemplateExpression
{
    /// <summary>The functions import evaluates.</summary>
    public static IReadOnlyList<string> SupportedFunctions { get; } = ["parameters", "variables", "resourceId", "format", "concat"];

    /// <summary>Evaluates every string of a JSON value that is an expression (<c>[…]</c>); <c>[[…</c> is the literal <c>[…</c>.</summary>
    public static (JsonNode? Value, string? Error) EvaluateNode(JsonNode? node, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        switch (node)
        {
            case JsonObject obj:
                var result = new JsonObject();
                foreach (var (key, value) in obj)
                {
                    var (evaluated, error) = EvaluateNode(value, context);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    result[key] = evaluated;
                }

                return (result, null);
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array)
                {
                    var (evaluated, error) = EvaluateNode(item, context);
                    if (error is not null)
                    {
                        return (null, error);
                    }

                    items.Add(evaluated);
                }

                return (items, null);
            case JsonValue value when value.TryGetValue<string>(out var text):
                return EvaluateString(text, context);
            default:
                return (node?.DeepClone(), null);
        }
    }

    /// <summary>Evaluates one string: an expression when it is <c>[…]</c>, a literal otherwise.</summary>
    public static (JsonNode? Value, string? Error) EvaluateString(string text, TemplateContext context)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(context);
        if (text.StartsWith("[[", StringComparison.Ordinal))
        {
            return (JsonValue.Create(text[1..]), null);
        }

        if (!(text.Length >= 2 && text[0] == '[' && text[^1] == ']'))
        {
            return (JsonValue.Create(text), null);
        }

        var parser = new Parser(text[1..^1], text, context);
        try
        {
            var value = parser.ParseExpression();
            parser.ExpectEnd();
            return (value, null);
        }
        catch (ExpressionException e)
        {
            return (null, e.Message);
        }
    }

    private sealed class ExpressionException(string message) : Exception(message);

    private sealed class Parser(string source, string expression, TemplateContext context)
    {
        private int position;

        public JsonNode? ParseExpression()
        {
            SkipSpaces();
            if (position >= source.Length)
            {
                throw Error("it is empty");
            }

            var c = source[position];
            JsonNode? value;
            if (c == '\'')
            {
                value = JsonValue.Create(ParseString());
            }
            else if (char.IsAsciiDigit(c) || c == '-')
            {
                value = ParseNumber();
            }
            else if (char.IsAsciiLetter(c))
            {
                value = ParseCall();
            }
            else
            {
                throw Error($"'{c}' is unexpected at position {position}");
            }

            SkipSpaces();
            if (position < source.Length && source[position] is '.' or '[')
            {
                throw new ExpressionException(
                    $"The template expression '{expression}' reads a property or element ('{source[position..]}'), which import does not support; " +
                    $"import evaluates {string.Join(", ", SupportedFunctions)} only. Give the value as a parameter instead.");
            }

            return value;
        }

        public void ExpectEnd()
        {
            SkipSpaces();
            if (position != source.Length)
            {
                throw Error($"'{source[position..]}' follows the end of the expression");
            }
        }

        private JsonNode? ParseCall()
        {
            var start = position;
            while (position < source.Length && (char.IsAsciiLetterOrDigit(source[position]) || source[position] == '_'))
            {
                position++;
            }

            var name = source[start..position];
            SkipSpaces();
            if (position >= source.Length || source[position] != '(')
            {
                throw Error($"'{name}' is not followed by '('");
            }

            if (!SupportedFunctions.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                throw new ExpressionException(
                    $"The template expression '{expression}' uses the function '{name}', which import does not support; " +
                    $"import evaluates {string.Join(", ", SupportedFunctions)} only. Replace it with a parameter or a literal value.");
            }

            position++;
            var arguments = new List<JsonNode?>();
            SkipSpaces();
            if (position < source.Length && source[position] == ')')
            {
                position++;
            }
            else
            {
                while (true)
                {
                    arguments.Add(ParseExpression());
                    SkipSpaces();
                    if (position < source.Length && source[position] == ',')
                    {
                        position++;
                        continue;
                    }

                    if (position < source.Length && source[position] == ')')
                    {
                        position++;
                        break;
                    }

                    throw Error("a ',' or ')' is missing");
                }
            }

            return Call(name.ToLowerInvariant(), arguments);
        }

        private JsonNode? Call(string name, List<JsonNode?> arguments)
        {
            switch (name)
            {
                case "parameters":
                case "variables":
                    if (arguments is not [JsonValue v] || !v.TryGetValue<string>(out var key))
                    {
                        throw Error($"{name}() takes one string");
                    }

                    var (value, error) = name == "parameters" ? context.Parameter(key) : context.Variable(key);
                    return error is null ? value?.DeepClone() : throw new ExpressionException(error);
                case "format":
                    if (arguments.Count == 0 || !TryText(arguments[0], out var format))
                    {
                        throw Error("format() takes a format string first");
                    }

                    return JsonValue.Create(Format(format, arguments.Skip(1).ToList()));
                case "concat":
                    if (arguments.Count > 0 && arguments.All(a => a is JsonArray))
                    {
                        return new JsonArray([.. arguments.SelectMany(a => ((JsonArray)a!).Select(i => i?.DeepClone()))]);
                    }

                    var builder = new StringBuilder();
                    foreach (var argument in arguments)
                    {
                        builder.Append(TryText(argument, out var text) ? text : throw Error("concat() takes strings, numbers or arrays"));
                    }

                    return JsonValue.Create(builder.ToString());
                default:
                    return ResourceId(arguments);
            }
        }

        /// <summary><c>resourceId([subscriptionId], [resourceGroupName], resourceType, name1, …)</c>.</summary>
        private JsonValue ResourceId(List<JsonNode?> arguments)
        {
            var texts = new List<string>();
            foreach (var argument in arguments)
            {
                texts.Add(TryText(argument, out var text) ? text : throw Error("resourceId() takes strings"));
            }

            var typeIndex = texts.FindIndex(t => t.Contains('/', StringComparison.Ordinal));
            if (typeIndex is < 0 or > 2)
            {
                throw Error("resourceId() needs a resource type such as 'Microsoft.Network/networkSecurityPerimeters'");
            }

            var typeSegments = texts[typeIndex].Split('/');
            var names = texts.Skip(typeIndex + 1).ToList();
            if (names.Count != typeSegments.Length - 1)
            {
                throw Error($"resourceId() for '{texts[typeIndex]}' takes {typeSegments.Length - 1} name(s), not {names.Count}");
            }

            var subscription = typeIndex == 2 ? texts[0] : context.SubscriptionId.ToString("D");
            var group = typeIndex switch { 2 => texts[1], 1 => texts[0], _ => context.ResourceGroup };
            var path = new StringBuilder($"/subscriptions/{subscription}/resourceGroups/{group}/providers/{typeSegments[0]}");
            for (var i = 1; i < typeSegments.Length; i++)
            {
                path.Append('/').Append(typeSegments[i]).Append('/').Append(names[i - 1]);
            }

            return JsonValue.Create(path.ToString());
        }

        private string Format(string format, List<JsonNode?> arguments)
        {
            var builder = new StringBuilder();
            for (var i = 0; i < format.Length; i++)
            {
                var c = format[i];
                if (c == '{' && i + 1 < format.Length && format[i + 1] == '{')
                {
                    builder.Append('{');
                    i++;
                }
                else if (c == '}' && i + 1 < format.Length && format[i + 1] == '}')
                {
                    builder.Append('}');
                    i++;
                }
                else if (c == '{')
                {
                    var end = format.IndexOf('}', i);
                    if (end < 0 || !int.TryParse(format.AsSpan(i + 1, end - i - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index) || index >= arguments.Count)
                    {
                        throw Error($"the format string '{format}' has a placeholder import cannot fill (only {{0}}, {{1}}, … with enough arguments)");
                    }

                    builder.Append(TryText(arguments[index], out var text) ? text : throw Error("format() takes strings or numbers as arguments"));
                    i = end;
                }
                else
                {
                    builder.Append(c);
                }
            }

            return builder.ToString();
        }

        private string ParseString()
        {
            position++;
            var builder = new StringBuilder();
            while (position < source.Length)
            {
                var c = source[position++];
                if (c == '\'')
                {
                    if (position < source.Length && source[position] == '\'')
                    {
                        builder.Append('\'');
                        position++;
                        continue;
                    }

                    return builder.ToString();
                }

                builder.Append(c);
            }

            throw Error("a string literal is not closed");
        }

        private JsonValue ParseNumber()
        {
            var start = position;
            position++;
            while (position < source.Length && char.IsAsciiDigit(source[position]))
            {
                position++;
            }

            return long.TryParse(source.AsSpan(start, position - start), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number)
                ? JsonValue.Create(number)
                : throw Error($"'{source[start..position]}' is not a number");
        }

        private static bool TryText(JsonNode? node, out string text)
        {
            text = "";
            if (node is not JsonValue value)
            {
                return false;
            }

            if (value.TryGetValue<string>(out var s))
            {
                text = s;
                return true;
            }

            if (value.TryGetValue<long>(out var l))
            {
                text = l.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            if (value.TryGetValue<int>(out var i))
            {
                text = i.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            return false;
        }

        private void SkipSpaces()
        {
            while (position < source.Length && char.IsWhiteSpace(source[position]))
            {
                position++;
            }
        }

        private ExpressionException Error(string detail) => new($"The template expression '{expression}' is invalid: {detail}.");
    }
}
