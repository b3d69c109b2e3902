/** The kernel's own catalog: every message the server itself produces, in en, es and pt-BR. */
import { defineMessages } from './message-catalog.js';

/** Messages of the kernel error codes (`errors.<CODE>`, the HttpError default messageKey). */
export const kernelMessages = defineMessages({
  en: {
    'errors.BAD_REQUEST': 'The request is malformed. Check it against the API documentation.',
    'errors.VALIDATION_FAILED': 'Some fields are invalid. See details for what to fix.',
    'errors.INVALID_JSON':
      'The request body is not valid JSON or uses a forbidden key (__proto__, constructor). Fix it and send it again.',
    'errors.EMPTY_JSON_BODY':
      'The request body is empty but Content-Type is application/json. Send a JSON body or remove the header.',
    'errors.INVALID_CURSOR':
      'The cursor is invalid or has expired. Request the first page again without a cursor.',
    'errors.UNAUTHORIZED':
      'Authentication is required. Send a valid bearer token in the Authorization header.',
    'errors.FORBIDDEN': 'You are not allowed to do this. Ask an administrator for access.',
    'errors.NOT_FOUND': 'The requested resource does not exist. Check the identifier.',
    'errors.ROUTE_NOT_FOUND':
      'No route matches {method} {path}. Check the URL and the HTTP method.',
    'errors.METHOD_NOT_ALLOWED':
      'This HTTP method is not allowed here. Check the API documentation.',
    'errors.NOT_ACCEPTABLE':
      'The requested response format is not available. Accept application/json.',
    'errors.REQUEST_TIMEOUT': 'The request took too long to arrive. Send it again.',
    'errors.HOST_HEADER': 'The request must carry exactly one Host header. Send one and retry.',
    'errors.URI_TOO_LONG': 'The URL is too long. Send a shorter URL, or move the data to the body.',
    'errors.EXPECTATION_FAILED':
      'The Expect header cannot be met. Send Expect: 100-continue, or no Expect header.',
    'errors.REQUEST_HEADER_FIELDS_TOO_LARGE':
      'The request headers are too large. Send fewer or smaller headers (cookies included).',
    'errors.CONFLICT':
      'The request conflicts with the current state of the resource. Reload and retry.',
    'errors.PAYLOAD_TOO_LARGE': 'The request body is too large. Send a smaller body.',
    'errors.UNSUPPORTED_MEDIA_TYPE':
      'This Content-Type is not supported. Send the body as application/json.',
    'errors.UNPROCESSABLE_ENTITY': 'The request is well-formed but cannot be processed as sent.',
    'errors.TOO_MANY_REQUESTS': 'Too many requests. Wait a moment and try again.',
    'errors.INTERNAL':
      'Something went wrong on our side. Try again later; if it persists, report the requestId.',
    'errors.SERVICE_UNAVAILABLE': 'The service is temporarily unavailable. Try again shortly.',
    'errors.DATABASE_UNAVAILABLE': 'The database is temporarily unavailable. Try again shortly.',
    'errors.LOCK_TIMEOUT': 'Another request is working on this resource. Try again in a moment.',
    'errors.LOCK_UNAVAILABLE': 'The lock service is temporarily unavailable. Try again shortly.',
    'errors.LOCK_LOST': 'This operation lost its lock before it finished. Try again.',
    'errors.STALE_FENCE': 'A newer operation has already changed this resource. Reload and retry.',
    'errors.INVALID_DATA':
      'A value does not fit its field (wrong type, out of range or too long). Check the API documentation.',
    'validation.INVALID_TEXT':
      'Text must be valid Unicode and may not contain the NUL character (\\u0000).',
  },
  es: {
    'errors.BAD_REQUEST': 'La solicitud está mal formada. Revísela con la documentación de la API.',
    'errors.VALIDATION_FAILED': 'Algunos campos no son válidos. Consulte details para corregirlos.',
    'errors.INVALID_JSON':
      'El cuerpo de la solicitud no es JSON válido o usa una clave prohibida (__proto__, constructor). Corríjalo y envíelo de nuevo.',
    'errors.EMPTY_JSON_BODY':
      'El cuerpo de la solicitud está vacío pero Content-Type es application/json. Envíe un cuerpo JSON o quite la cabecera.',
    'errors.INVALID_CURSOR':
      'El cursor no es válido o ha caducado. Pida de nuevo la primera página sin cursor.',
    'errors.UNAUTHORIZED':
      'Se requiere autenticación. Envíe un token bearer válido en la cabecera Authorization.',
    'errors.FORBIDDEN': 'No tiene permiso para hacer esto. Pida acceso a un administrador.',
    'errors.NOT_FOUND': 'El recurso solicitado no existe. Compruebe el identificador.',
    'errors.ROUTE_NOT_FOUND':
      'Ninguna ruta coincide con {method} {path}. Compruebe la URL y el método HTTP.',
    'errors.METHOD_NOT_ALLOWED':
      'Este método HTTP no está permitido aquí. Consulte la documentación de la API.',
    'errors.NOT_ACCEPTABLE':
      'El formato de respuesta solicitado no está disponible. Acepte application/json.',
    'errors.REQUEST_TIMEOUT': 'La solicitud tardó demasiado en llegar. Envíela de nuevo.',
    'errors.HOST_HEADER':
      'La solicitud debe llevar exactamente una cabecera Host. Envíe una y reintente.',
    'errors.URI_TOO_LONG':
      'La URL es demasiado larga. Envíe una URL más corta o pase los datos en el cuerpo.',
    'errors.EXPECTATION_FAILED':
      'No se puede cumplir la cabecera Expect. Envíe Expect: 100-continue o ninguna cabecera Expect.',
    'errors.REQUEST_HEADER_FIELDS_TOO_LARGE':
      'Las cabeceras de la solicitud son demasiado grandes. Envíe menos cabeceras o más pequeñas (cookies incluidas).',
    'errors.CONFLICT':
      'La solicitud entra en conflicto con el estado actual del recurso. Recargue y reintente.',
    'errors.PAYLOAD_TOO_LARGE':
      'El cuerpo de la solicitud es demasiado grande. Envíe un cuerpo más pequeño.',
    'errors.UNSUPPORTED_MEDIA_TYPE':
      'Este Content-Type no es compatible. Envíe el cuerpo como application/json.',
    'errors.UNPROCESSABLE_ENTITY':
      'La solicitud está bien formada pero no se puede procesar tal como se envió.',
    'errors.TOO_MANY_REQUESTS': 'Demasiadas solicitudes. Espere un momento y vuelva a intentarlo.',
    'errors.INTERNAL':
      'Algo salió mal de nuestro lado. Inténtelo más tarde; si persiste, informe el requestId.',
    'errors.SERVICE_UNAVAILABLE':
      'El servicio no está disponible temporalmente. Inténtelo en unos momentos.',
    'errors.DATABASE_UNAVAILABLE':
      'La base de datos no está disponible temporalmente. Inténtelo en unos momentos.',
    'errors.LOCK_TIMEOUT':
      'Otra solicitud está trabajando en este recurso. Inténtelo de nuevo en un momento.',
    'errors.LOCK_UNAVAILABLE':
      'El servicio de bloqueos no está disponible temporalmente. Inténtelo de nuevo en breve.',
    'errors.LOCK_LOST': 'Esta operación perdió su bloqueo antes de terminar. Inténtelo de nuevo.',
    'errors.STALE_FENCE':
      'Una operación más reciente ya cambió este recurso. Recárguelo y reintente.',
    'errors.INVALID_DATA':
      'Un valor no cabe en su campo (tipo incorrecto, fuera de rango o demasiado largo). Consulte la documentación de la API.',
    'validation.INVALID_TEXT':
      'El texto debe ser Unicode válido y no puede contener el carácter NUL (\\u0000).',
  },
  'pt-BR': {
    'errors.BAD_REQUEST': 'A requisição está malformada. Confira-a com a documentação da API.',
    'errors.VALIDATION_FAILED':
      'Alguns campos são inválidos. Veja details para saber o que corrigir.',
    'errors.INVALID_JSON':
      'O corpo da requisição não é um JSON válido ou usa uma chave proibida (__proto__, constructor). Corrija e envie novamente.',
    'errors.EMPTY_JSON_BODY':
      'O corpo da requisição está vazio, mas o Content-Type é application/json. Envie um corpo JSON ou remova o cabeçalho.',
    'errors.INVALID_CURSOR':
      'O cursor é inválido ou expirou. Peça a primeira página novamente sem cursor.',
    'errors.UNAUTHORIZED':
      'É necessário autenticar-se. Envie um token bearer válido no cabeçalho Authorization.',
    'errors.FORBIDDEN': 'Você não tem permissão para fazer isso. Peça acesso a um administrador.',
    'errors.NOT_FOUND': 'O recurso solicitado não existe. Verifique o identificador.',
    'errors.ROUTE_NOT_FOUND':
      'Nenhuma rota corresponde a {method} {path}. Verifique a URL e o método HTTP.',
    'errors.METHOD_NOT_ALLOWED':
      'Este método HTTP não é permitido aqui. Consulte a documentação da API.',
    'errors.NOT_ACCEPTABLE':
      'O formato de resposta solicitado não está disponível. Aceite application/json.',
    'errors.REQUEST_TIMEOUT': 'A requisição demorou demais para chegar. Envie-a novamente.',
    'errors.HOST_HEADER':
      'A requisição deve ter exatamente um cabeçalho Host. Envie um e tente novamente.',
    'errors.URI_TOO_LONG':
      'A URL é longa demais. Envie uma URL mais curta ou passe os dados no corpo.',
    'errors.EXPECTATION_FAILED':
      'O cabeçalho Expect não pode ser atendido. Envie Expect: 100-continue ou nenhum cabeçalho Expect.',
    'errors.REQUEST_HEADER_FIELDS_TOO_LARGE':
      'Os cabeçalhos da requisição são grandes demais. Envie menos cabeçalhos ou menores (cookies incluídos).',
    'errors.CONFLICT':
      'A requisição conflita com o estado atual do recurso. Recarregue e tente novamente.',
    'errors.PAYLOAD_TOO_LARGE': 'O corpo da requisição é grande demais. Envie um corpo menor.',
    'errors.UNSUPPORTED_MEDIA_TYPE':
      'Este Content-Type não é suportado. Envie o corpo como application/json.',
    'errors.UNPROCESSABLE_ENTITY':
      'A requisição está bem formada, mas não pode ser processada como foi enviada.',
    'errors.TOO_MANY_REQUESTS': 'Requisições demais. Aguarde um momento e tente novamente.',
    'errors.INTERNAL':
      'Algo deu errado do nosso lado. Tente mais tarde; se persistir, informe o requestId.',
    'errors.SERVICE_UNAVAILABLE':
      'O serviço está temporariamente indisponível. Tente novamente em instantes.',
    'errors.DATABASE_UNAVAILABLE':
      'O banco de dados está temporariamente indisponível. Tente novamente em instantes.',
    'errors.LOCK_TIMEOUT':
      'Outra requisição está trabalhando neste recurso. Tente novamente em instantes.',
    'errors.LOCK_UNAVAILABLE':
      'O serviço de bloqueios está temporariamente indisponível. Tente novamente em breve.',
    'errors.LOCK_LOST': 'Esta operação perdeu seu bloqueio antes de terminar. Tente novamente.',
    'errors.STALE_FENCE':
      'Uma operação mais recente já alterou este recurso. Recarregue e tente novamente.',
    'errors.INVALID_DATA':
      'Um valor não cabe no seu campo (tipo errado, fora do intervalo ou longo demais). Confira a documentação da API.',
    'validation.INVALID_TEXT':
      'O texto deve ser Unicode válido e não pode conter o caractere NUL (\\u0000).',
  },
});
