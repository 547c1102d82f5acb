using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace IncidentDesk.Web.Api;

/// <summary>A tag of the API document with the sentence that tells a client what its endpoints are for.</summary>
public sealed record ApiArea(string Tag, string Description);

/// <summary>
/// What every endpoint of the API gets without its author remembering it. An area (<see cref="MapApiArea"/>) names its
/// tag and says what it holds; <see cref="ProblemResponses"/> documents the problem answers that the API's shared
/// machinery gives on every operation. Only what an endpoint alone decides (a 409, a 400 of its own) is declared on it.
/// </summary>
internal static class ApiConventions
{
    /// <summary>A group of endpoints under one tag, described once (the document lists every tag with its description).</summary>
    public static RouteGroupBuilder MapApiArea(this RouteGroupBuilder api, string tag, string description)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.MapGroup("").WithTags(tag).WithMetadata(new ApiArea(tag, description));
    }
}

/// <summary>
/// The problem answers (RFC 7807, application/problem+json) every operation can give, from the machinery in front of it:
/// 401 without a valid token and 403 for an officer's or auditor's token before two-factor enrolment (the group's policy, on
/// every operation), 403 also when the role may not do it (the services), 400 when a body or query string is unreadable
/// or refused (any operation that takes one), 404 when an id in the path does not exist or is not the caller's (any
/// operation with one), and the bare 429 of the rate limiter. Answers an endpoint declares itself keep their content.
/// </summary>
internal sealed class ProblemResponses : IOpenApiOperationTransformer
{
    private const string ProblemJson = "application/problem+json";

    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var parameters = context.Description.ParameterDescriptions;
        var takesInput = parameters.Any(p => p.Source == BindingSource.Body || p.Source == BindingSource.Query || p.Source == BindingSource.Form);
        var namesAnId = parameters.Any(p => p.Source == BindingSource.Path);
        operation.Responses ??= [];

        if (takesInput)
        {
            await DescribeAsync(operation, context, "400", typeof(HttpValidationProblemDetails),
                "The request cannot be read or is refused: errors name each field (messages) and codes give a stable code per field.",
                cancellationToken);
        }

        await DescribeAsync(operation, context, "401", typeof(ProblemDetails),
            "No token, or one that is unknown, expired or revoked (Authorization: Bearer idk_…).", cancellationToken);
        await DescribeAsync(operation, context, "403", typeof(ProblemDetails),
            "The token's owner may not do this (their role), or is an officer or auditor who has not enrolled two-factor "
            + "authentication yet (code TwoFactorRequired, enrolAt says where).", cancellationToken);
        if (namesAnId)
        {
            await DescribeAsync(operation, context, "404", typeof(ProblemDetails),
                "Nothing with this id is visible to the caller: it does not exist or belongs to another co-op (the two are not told apart).",
                cancellationToken);
        }

        if (operation.Responses.TryGetValue("409", out var conflict))
        {
            conflict.Description = "The change conflicts with the current state: code says which conflict, and current (when present) is the row as it now is.";
        }

        operation.Responses.TryAdd("429", new OpenApiResponse
        {
            Description = "Too many requests from this token or address; Retry-After says when to try again.",
        });
    }

    private static async Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, string status,
        Type problem, string description, CancellationToken cancellationToken)
    {
        if (!operation.Responses!.TryGetValue(status, out var response) || response is not OpenApiResponse answer)
        {
            answer = new OpenApiResponse();
            operation.Responses[status] = answer;
        }

        answer.Description = description;
        answer.Content ??= new Dictionary<string, OpenApiMediaType>();
        if (!answer.Content.ContainsKey(ProblemJson))
        {
            answer.Content.Clear();
            answer.Content[ProblemJson] = new OpenApiMediaType { Schema = await ReferenceAsync(context, problem, cancellationToken) };
        }
    }

    private static async Task<IOpenApiSchema> ReferenceAsync(OpenApiOperationTransformerContext context, Type type, CancellationToken cancellationToken)
    {
        var document = context.Document ?? throw new InvalidOperationException("The operation belongs to no document.");
        if (document.Components?.Schemas?.ContainsKey(type.Name) != true)
        {
            document.AddComponent(type.Name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(type.Name, document);
    }
}
