using System.ClientModel;
using System.ClientModel.Primitives;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace SchemaWorkflow.AI;

/// <summary>
/// Classifies exceptions of chat clients: System.ClientModel (OpenAI, Azure OpenAI), <see cref="HttpRequestException"/>
/// (most other providers), Polly's timeout and circuit exceptions and transport errors. Reads Retry-After,
/// retry-after-ms and x-ms-retry-after-ms.
/// </summary>
public static class ModelErrorClassifier
{
    /// <summary>Classifies an exception.</summary>
    /// <param name="exception">The exception a chat client or the pipeline threw.</param>
    /// <returns>The classification.</returns>
    public static ModelFailure Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        switch (exception)
        {
            case ModelCallException call:
                return new ModelFailure(call.Kind, call.StatusCode);
            case TimeoutRejectedException:
                return new ModelFailure(ModelFailureKind.Timeout);
            case BrokenCircuitException broken:
                return new ModelFailure(ModelFailureKind.CircuitOpen, null, broken.RetryAfter);
            case ClientResultException result:
                return FromStatus(result.Status, result.GetRawResponse(), result);
            case HttpRequestException http:
                return http.StatusCode is { } code ? FromStatus((int)code, null, http) : new ModelFailure(ModelFailureKind.Transient);
            case TimeoutException:
                return new ModelFailure(ModelFailureKind.Timeout);
            case OperationCanceledException:
                // Not the caller's token (callers check that first): an HTTP client timeout.
                return new ModelFailure(ModelFailureKind.Timeout);
            case IOException or SocketException:
                return new ModelFailure(ModelFailureKind.Transient);
            default:
                return exception.InnerException is { } inner && inner is HttpRequestException or IOException or SocketException or TimeoutException
                    ? Classify(inner)
                    : new ModelFailure(ModelFailureKind.Unknown);
        }
    }

    private static ModelFailure FromStatus(int status, PipelineResponse? response, Exception exception)
    {
        var retryAfter = response is null ? null : ReadRetryAfter(response.Headers);
        return status switch
        {
            // No response at all: the connection failed.
            0 => exception.InnerException is { } inner ? Classify(inner) is { Kind: not ModelFailureKind.Unknown } f ? f : new ModelFailure(ModelFailureKind.Transient) : new ModelFailure(ModelFailureKind.Transient),
            (int)HttpStatusCode.RequestTimeout => new ModelFailure(ModelFailureKind.Transient, status, retryAfter),
            (int)HttpStatusCode.TooManyRequests => new ModelFailure(ModelFailureKind.Throttled, status, retryAfter),
            (int)HttpStatusCode.Unauthorized or (int)HttpStatusCode.Forbidden => new ModelFailure(ModelFailureKind.Unauthorized, status),
            >= 500 and <= 599 => new ModelFailure(ModelFailureKind.Transient, status, retryAfter),
            (int)HttpStatusCode.BadRequest when IsContentFilter(response) => new ModelFailure(ModelFailureKind.ContentFiltered, status),
            >= 400 and <= 499 => new ModelFailure(ModelFailureKind.Rejected, status),
            _ => new ModelFailure(ModelFailureKind.Unknown, status),
        };
    }

    private static bool IsContentFilter(PipelineResponse? response)
    {
        if (response is null)
        {
            return false;
        }

        try
        {
            var body = response.Content?.ToString();
            return body is not null &&
                   (body.Contains("\"content_filter\"", StringComparison.OrdinalIgnoreCase) ||
                    body.Contains("ResponsibleAIPolicyViolation", StringComparison.OrdinalIgnoreCase));
        }
        catch (InvalidOperationException)
        {
            // The body was not buffered; a plain 400 then.
            return false;
        }
    }

    /// <summary>Reads the delay a response asks for: retry-after-ms, x-ms-retry-after-ms, or Retry-After (seconds or an HTTP date).</summary>
    /// <param name="headers">The response headers.</param>
    /// <returns>The delay, or null when the response names none.</returns>
    internal static TimeSpan? ReadRetryAfter(PipelineResponseHeaders headers)
    {
        foreach (var name in (string[])["retry-after-ms", "x-ms-retry-after-ms"])
        {
            if (headers.TryGetValue(name, out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
            {
                return TimeSpan.FromMilliseconds(millis);
            }
        }

        if (headers.TryGetValue("Retry-After", out var value) && value is not null)
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var delay = at - DateTimeOffset.UtcNow;
                return delay > TimeSpan.Zero ? delay : TimeSpan.Zero;
            }
        }

        return null;
    }
}
