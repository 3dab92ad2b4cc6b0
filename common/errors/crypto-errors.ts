/**
 * The crypto core's refusal codes (docs/errors.md, "Crypto core"): each declared once with the public
 * details it carries, its documentation row and its French text. crypto/protocol.ts's CRYPTO_ERROR_CODES
 * lists the same codes (tests/unit/errors/error-registry.test.ts).
 */
import type { ErrorTable } from './error-spec.ts';

/** Requests the software made to the crypto core. */
export const CORE_REQUEST_ERRORS = {
  BAD_REQUEST: {
    details: [],
    when: 'A request to the core was incomplete or of the wrong form: text where a file was expected, a missing list, a wallet fingerprint that is not 8 small hex characters, more than 20 addresses asked for.',
    risk: 'No. Nothing changed.',
    action:
      'If you typed a fingerprint, check it against the ceremony record (8 characters, digits and a–f) and try again. Otherwise report it: the software made a mistake.',
    fr: 'Une demande adressée au noyau cryptographique est incomplète ou mal formée. Rien n’a changé. Si vous avez saisi une empreinte de portefeuille, vérifiez-la (8 caractères, chiffres et a–f) ; sinon, signalez-le.',
  },
  UNKNOWN_OPERATION: {
    details: ['op'],
    when: 'The core was asked to do something it does not know. Usually the app and the core are of different versions.',
    risk: 'No. Nothing changed.',
    action: 'Stop and report it. Check that the station runs one complete, verified Custos build.',
    fr: 'Le noyau cryptographique ne connaît pas cette opération. Rien n’a changé.',
  },
  UNKNOWN_HANDLE: {
    details: [],
    when: 'A wallet, share or signing key was used after the core had let go of it: the ceremony ended, the item was released, or the core restarted. The secret was wiped from memory when that happened.',
    risk: 'No. The wallet still exists in its shares; only the copy in memory is gone.',
    action: 'Start the step again from the beginning: type in or load the shares (or unlock the signing key) again.',
    fr: 'Ce secret n’est plus détenu en mémoire : sa cérémonie est terminée, il a été libéré, ou le noyau cryptographique a redémarré.',
  },
  HANDLE_WRONG_KIND: {
    details: ['expected', 'found'],
    when: 'The software used one kind of item as another, for example a share where a wallet was needed. The core refuses, so for example a signing key can never be exported as share words.',
    risk: 'No. Nothing changed.',
    action: 'Report it: the software made a mistake. Do not try to work around it.',
    fr: 'Le logiciel a utilisé un élément d’un autre type que celui attendu (par exemple une part à la place d’un portefeuille). Rien n’a changé.',
  },
  CEREMONY_ID_INVALID: {
    details: [],
    when: 'The ceremony identifier is not 1 to 128 letters, digits or `. _ : -`. The app normally chooses it.',
    risk: 'No. Nothing changed.',
    action: 'If you typed a ceremony name, remove spaces and other signs and try again. Otherwise report it.',
    fr: 'Un identifiant de cérémonie comporte de 1 à 128 lettres, chiffres ou signes . _ : - uniquement. Rien n’a changé.',
  },
} as const satisfies ErrorTable;

/** Creating and splitting a wallet. */
export const WALLET_SPLIT_ERRORS = {
  CHAINS_INVALID: {
    details: [],
    when: 'The list of chains is empty, names an unknown chain, or names one twice. Known chains: bitcoin, testnet, regtest, ethereum.',
    risk: 'No. Nothing changed.',
    action: 'Choose each chain once, from the known ones, and try again.',
    fr: 'La liste des chaînes doit être non vide, ne nommer que des chaînes connues de Custos, et chacune une seule fois. Rien n’a changé.',
  },
  DICE_INVALID: {
    details: [],
    when: 'A dice roll is not a number from 1 to 6, no rolls were given, or more than 1000 were given. The message names the position of the wrong roll ("Dice roll 42"), never the rolls.',
    risk: 'No. No wallet was created.',
    action:
      'Look at the roll at that position on your sheet, correct it, and enter the rolls again. Rolls are secret: do not read them aloud or copy them into notes.',
    fr: 'Les lancers de dés ne sont pas acceptés : chaque lancer est un chiffre de 1 à 6, saisi comme texte, et il en faut au moins un et au plus 1 000. Aucun portefeuille n’a été créé.',
  },
  THRESHOLD_INVALID: {
    details: ['threshold', 'shareCount'],
    when: 'The quorum is impossible: it must be at least 2 shares, no more shares than are made, and at most 16 shares (2 ≤ m ≤ n ≤ 16).',
    risk: 'No. The wallet was not split; no share exists.',
    action: 'Choose a valid quorum (for example 3 of 5) as your procedure says, and split again.',
    fr: 'Le quorum demandé ({threshold} sur {shareCount}) est impossible : il faut au moins 2 parts, pas plus que le nombre de parts créées, et au plus 16 parts (2 ≤ m ≤ n ≤ 16). Aucune part n’a été créée.',
  },
  PASSPHRASE_TOO_SHORT: {
    details: ['minimum'],
    when: 'A passphrase for a share file or a signing key has fewer than 12 characters.',
    risk: 'No. Nothing was sealed or opened.',
    action: 'The holder chooses a longer passphrase (12 characters or more) and types it again.',
    fr: 'Une phrase secrète doit comporter au moins {minimum} caractères. Rien n’a été scellé ni ouvert.',
  },
} as const satisfies ErrorTable;

/** Typing in or loading a share, and sealed files. */
export const SHARE_INPUT_ERRORS = {
  SHARE_WORD_UNKNOWN: {
    details: ['position'],
    when: 'A typed word is not in the share word list. The message gives its position ("Word 7"), never the word.',
    risk: 'No. The share was not accepted.',
    action:
      'The holder compares word 7 on the paper with what was typed, corrects it, and types the share again. The first four letters of each word are enough.',
    fr: 'Le mot {position} n’appartient pas à la liste de mots des parts. La part n’a pas été acceptée.',
  },
  SHARE_WORD_COUNT: {
    details: ['expected', 'given'],
    when: 'The share does not have exactly 39 words: one was left out or typed twice. Line numbers are ignored.',
    risk: 'No. The share was not accepted.',
    action: 'Count the words on the paper and on screen, find the missing or extra word, and type the share again.',
    fr: 'Une part compte {expected} mots ; le nombre de mots saisis est {given}. La part n’a pas été acceptée.',
  },
  SHARE_PADDING: {
    details: ['position'],
    when: 'Word 39, the last word, cannot be right: its hidden last bits must be zero. Usually the last word was misread.',
    risk: 'No. The share was not accepted.',
    action: 'Check the last word against the paper and type it again.',
    fr: 'Le mot {position}, le dernier, est erroné : ses derniers bits doivent être nuls. La part n’a pas été acceptée.',
  },
  SHARE_CHECKSUM: {
    details: [],
    when: "Every word is a real word, but together they do not match the share's built-in check: a word is wrong or two words are swapped.",
    risk: 'No. The share was not accepted.',
    action:
      "Read the whole paper again, word by word, in order. If the paper is damaged and the check still fails, set this share aside and use another holder's share; report the damaged share.",
    fr: 'La part ne correspond pas à sa somme de contrôle : un mot est erroné, ou deux mots sont intervertis. La part n’a pas été acceptée.',
  },
  SHARE_VERSION_UNKNOWN: {
    details: ['version'],
    when: 'The share is correct but written in a newer format than this Custos knows.',
    risk: 'No. The share was not accepted.',
    action: 'Use the Custos version that made the share (see the ceremony record), or a newer one.',
    fr: 'Cette part est écrite au format version {version}, que cette version de Custos ne connaît pas. La part n’a pas été acceptée.',
  },
  SHARE_MALFORMED: {
    details: [],
    when: 'The share passes its check but cannot be a real share: an impossible quorum, an index out of range, wrong length, or a damaged QR code. It was made or altered by something other than Custos.',
    risk: 'No key was produced. Treat the share as suspect.',
    action: "Do not use this share. Use another holder's share, and report it: a share that was altered on purpose is a security incident.",
    fr: 'Ces données ne peuvent pas être une part Custos valable (quorum impossible, numéro hors limites, longueur incorrecte, ou QR code endommagé ou étranger à Custos). La part n’a pas été acceptée et aucune clé n’a été produite.',
  },
  SEALED_FILE_MALFORMED: {
    details: [],
    when: 'The file is not a Custos sealed file, or it is cut short (an incomplete copy).',
    risk: 'No. Nothing was opened.',
    action: "Check that you chose the right file (`.cshare` for a share). Copy it again from the holder's medium.",
    fr: 'Ce fichier n’est pas un fichier scellé Custos, ou il est tronqué (copie incomplète). Rien n’a été ouvert.',
  },
  SEALED_FILE_VERSION: {
    details: ['version'],
    when: 'The sealed file is written in a newer format than this Custos knows.',
    risk: 'No. Nothing was opened.',
    action: 'Use the Custos version that made the file, or a newer one.',
    fr: 'Ce fichier scellé est en version {version}, que cette version de Custos ne connaît pas. Rien n’a été ouvert.',
  },
  SEALED_FILE_KIND: {
    details: ['expected', 'found'],
    when: 'The file holds another kind of secret: a signing-key file was given as a share, or a share file as a signing key.',
    risk: 'No. Nothing was opened.',
    action: 'Choose the other file. Share files are named `custos-share-….cshare`.',
    fr: 'Ce fichier contient un autre type de secret que celui attendu (une clé de signature à la place d’une part, ou l’inverse). Rien n’a été ouvert.',
  },
  SEALED_FILE_PARAMS: {
    details: ['logN', 'r', 'p'],
    when: 'The file asks for protection settings Custos does not accept (too weak or too heavy). Custos never writes such files.',
    risk: 'No. Nothing was opened. Treat the file as suspect.',
    action: 'Do not use the file. Use another share, and report it.',
    fr: 'Ce fichier scellé demande des paramètres de protection que Custos n’accepte pas. Rien n’a été ouvert ; considérez ce fichier comme suspect.',
  },
  SEALED_FILE_DECRYPT: {
    details: [],
    when: 'The passphrase is wrong, **or** the file was altered (even one byte). Custos cannot tell which, on purpose.',
    risk: 'No. Nothing was unlocked.',
    action:
      'The holder types the passphrase again, slowly (check the keyboard layout and Caps Lock). If it still fails and the holder is sure of it, the file may be damaged or altered: use another share and report it.',
    fr: 'La phrase secrète est erronée, ou le fichier a été modifié : Custos ne peut pas, volontairement, distinguer les deux cas. Rien n’a été déverrouillé.',
  },
} as const satisfies ErrorTable;

/** Rebuilding a wallet from shares. */
export const REBUILD_ERRORS = {
  SHARES_TOO_FEW: {
    details: [],
    when: "Fewer shares were given than the quorum needs (for example 2 of a 3-of-5 split), or a ceremony presents fewer shares than the wallet's threshold.",
    risk: 'No. No wallet was rebuilt and nothing was recorded.',
    action: "Bring in another holder's share until the quorum is reached.",
    fr: 'Moins de parts ont été présentées que le quorum n’en exige. Aucun portefeuille n’a été reconstitué et rien n’a été enregistré.',
  },
  SHARES_DUPLICATE: {
    details: ['index'],
    when: 'The same share was given twice (typed in twice, or loaded twice).',
    risk: 'No. No wallet was rebuilt.',
    action: "Remove the repeated share and add a different holder's share.",
    fr: 'La part {index} a été fournie deux fois. Aucun portefeuille n’a été reconstitué.',
  },
  SHARES_MIXED_SETS: {
    details: ['index'],
    when: "The shares come from different splits: another wallet's share, or a share of an older split of the same wallet. Only shares of one split combine.",
    risk: 'No. No wallet was rebuilt.',
    action:
      'Check the set id shown with each share (and in its file name) against the ceremony record; use only shares of the current split. Report shares of a retired split still in circulation.',
    fr: 'La part {index} provient d’un autre partage que les autres parts : seules les parts d’un même partage se combinent. Aucun portefeuille n’a été reconstitué.',
  },
  SHARES_FINGERPRINT_MISMATCH: {
    details: ['expected'],
    when: 'The shares do not rebuild the wallet named in the ceremony record: they belong to another wallet, the fingerprint entered is wrong, or a share was altered.',
    risk: 'No. Custos produced no key at all.',
    action:
      'Check the expected fingerprint against the ceremony record. If it is right, the shares belong to another wallet or one was altered: stop and report it.',
    fr: 'Ces parts ne reconstituent pas le portefeuille attendu, d’empreinte {expected} : elles appartiennent à un autre portefeuille, ou l’une d’elles a été modifiée. Aucune clé n’a été produite.',
  },
} as const satisfies ErrorTable;

/** Signing keys and signatures. */
export const SIGNING_KEY_ERRORS = {
  SIGNING_KEY_INVALID: {
    details: [],
    when: 'The key file opens with the passphrase, but what it holds is not a usable signing key. Custos never writes such a file.',
    risk: 'No. Nothing was unlocked. Treat the file as suspect.',
    action: 'Do not use the file. Report it. The participant needs a new signing key through the usual procedure.',
    fr: 'Le fichier de clé ne contient pas une clé de signature valable. Rien n’a été déverrouillé.',
  },
  DIGEST_INVALID: {
    details: [],
    when: 'Something other than a 32-byte fingerprint of a document was given to sign or to check.',
    risk: 'No. Nothing was signed.',
    action: 'Report it: the software made a mistake.',
    fr: 'Seules des empreintes de document de 32 octets sont signées ou vérifiées. Rien n’a été signé.',
  },
  PUBLIC_KEY_INVALID: {
    details: [],
    when: 'A public key used to check a signature is not a valid key (wrong length, wrong form, or not a point of the curve).',
    risk: 'No. Nothing changed.',
    action: 'If the key came from a record or a file, that record is damaged or altered: treat it as not verified and report it.',
    fr: 'Cette clé publique n’est pas valable : longueur ou forme incorrecte, ou pas un point de la courbe secp256k1.',
  },
  SIGNATURE_MALFORMED: {
    details: [],
    when: 'A signature is not in the one exact form Custos accepts.',
    risk: 'No. Nothing changed.',
    action: 'The signature cannot be checked, so treat what it signs as **not verified**. Report it.',
    fr: 'Cette signature n’a pas la forme exacte qu’accepte Custos : elle ne peut pas être vérifiée.',
  },
} as const satisfies ErrorTable;

/** Signing a Bitcoin transaction (nothing is ever signed when one of these appears). */
export const PSBT_SIGNING_ERRORS = {
  PSBT_MALFORMED: {
    details: [],
    when: 'The file is not a valid PSBT, is cut short, contradicts itself, has no inputs or outputs, or has an output that pays no address (for example a data-only output).',
    risk: 'No. Nothing was signed.',
    action: 'Ask the coordinator for a new file. Check it was copied completely.',
    fr: 'Ce fichier n’est pas une PSBT valable : il est tronqué ou incohérent, n’a pas d’entrée ou pas de sortie, ou une sortie ne paie aucune adresse. Rien n’a été signé.',
  },
  PSBT_NETWORK_INVALID: {
    details: [],
    when: 'The transaction is for another network than the one chosen (for example a test-network transaction to be signed as real bitcoin), or the network name is unknown.',
    risk: 'No. Nothing was signed.',
    action: 'Choose the network the transaction is for. If it should be real bitcoin, ask the coordinator why it is built for another network.',
    fr: 'La transaction est construite pour un autre réseau que celui choisi, ou ce réseau n’est pas bitcoin, testnet ou regtest. Rien n’a été signé.',
  },
  PSBT_INPUT_FOREIGN: {
    details: ['position'],
    when: 'A coin the transaction spends does not belong to this wallet.',
    risk: 'No. Nothing was signed.',
    action: "Check you rebuilt the right wallet. Otherwise ask the coordinator for a transaction that spends only this wallet's coins.",
    fr: 'L’entrée {position} de la transaction n’appartient pas à ce portefeuille. Rien n’a été signé.',
  },
  PSBT_INPUT_NO_UTXO: {
    details: ['position'],
    when: 'A coin the transaction spends comes without its details (its amount and script), so the fee cannot be checked.',
    risk: 'No. Nothing was signed.',
    action: 'Ask the coordinator to include the full coin data (witness UTXO) for every input.',
    fr: 'Les données de la pièce dépensée par l’entrée {position} manquent ou sont incohérentes : les frais ne peuvent pas être vérifiés. Rien n’a été signé.',
  },
  PSBT_INPUT_UNSUPPORTED: {
    details: ['position'],
    when: 'A coin is of a kind Custos does not sign (only native SegWit P2WPKH coins), the transaction asks for a signature that would let others change it (anything but SIGHASH_ALL), or a coin already carries a signature (Custos signs only unsigned transactions).',
    risk: 'No. Nothing was signed.',
    action: 'Ask the coordinator for a plain transaction. A request for another signature type is unusual: report it.',
    fr: 'L’entrée {position} n’est pas une dépense P2WPKH simple avec SIGHASH_ALL, ou porte déjà une signature : Custos ne signe que des entrées non signées de ce type. Rien n’a été signé.',
  },
  PSBT_INPUT_KEY_MISMATCH: {
    details: ['position'],
    when: "A coin claims a key of this wallet that does not match it, or a key outside this wallet's account.",
    risk: 'No. Nothing was signed.',
    action: 'Do not sign. Ask the coordinator for a new file; report it if it cannot be explained.',
    fr: 'L’entrée {position} revendique une clé de ce portefeuille qui ne lui correspond pas ou qui sort de son compte. Rien n’a été signé.',
  },
  PSBT_CHANGE_MISMATCH: {
    details: ['position'],
    when: 'An output claims to pay back to this wallet (change), but its address is not the wallet\'s address for that key. This is how a tampered transaction could hide a payment to someone else as "change".',
    risk: 'No. Nothing was signed.',
    action: 'Do not sign. Report it, and get a new transaction from the coordinator.',
    fr: 'La sortie {position} se présente comme un rendu de monnaie vers ce portefeuille, mais sa clé ne correspond pas à une clé de son compte. Rien n’a été signé.',
  },
  PSBT_FEE_NEGATIVE: {
    details: [],
    when: 'The outputs pay out more than the coins spent hold.',
    risk: 'No. Nothing was signed.',
    action: 'The transaction is wrong: ask the coordinator for a new one.',
    fr: 'Les sorties paient davantage que ce que contiennent les pièces dépensées. Rien n’a été signé.',
  },
  PSBT_FEE_ABSURD: {
    details: ['fee', 'vsize'],
    when: 'The fee is above 1,000 sat/vB, or above 10 % of the amount spent. This protects against losing funds to fees.',
    risk: 'No. Nothing was signed.',
    action: 'Check the amounts with the coordinator; ask for a transaction with a normal fee.',
    fr: 'Les frais sont anormalement élevés ({fee} sat pour {vsize} vB) : plus de 1 000 sat/vB ou plus de 10 % du montant dépensé. Rien n’a été signé.',
  },
  PSBT_NOT_APPROVED: {
    details: ['approved', 'actual'],
    when: 'The transaction to sign is not exactly the one the approvers approved (its summary changed in any way).',
    risk: 'No. Nothing was signed.',
    action:
      'Do not sign. Review the transaction again and have it approved again. If the file changed without explanation between approval and signing, report it.',
    fr: 'Cette transaction n’est pas exactement celle qui a été approuvée. Rien n’a été signé.',
  },
  PSBT_SIGN_FAILED: {
    details: [],
    when: "Custos's final self-check failed while signing, and it stopped. This should never happen.",
    risk: 'No. No signed transaction was produced.',
    action: 'Do not retry with the same file. Report it with the file.',
    fr: 'Le contrôle final de Custos a échoué pendant la signature, qui a été arrêtée. Aucune transaction signée n’a été produite.',
  },
} as const satisfies ErrorTable;

/** Reviewing and signing an Ethereum transfer (docs/transfer-exchange.md, "Ethereum transfer requests"). */
export const ETH_SIGNING_ERRORS = {
  ETH_REQUEST_MALFORMED: {
    details: [],
    when: 'The Ethereum request file is not a custos-eth-request/1 JSON object, lacks a field or has one Custos does not know, writes a number or an address wrongly, moves nothing, pays the zero address, or sets fees that cannot work (a gas limit below 21,000, a priority fee above the fee cap).',
    risk: 'No. Nothing was signed.',
    action: 'Ask the coordinator for a new request file. Check it was copied completely.',
    fr: 'Ce fichier n’est pas une demande de transfert Ethereum valable (custos-eth-request/1) : un champ manque, est inconnu ou mal écrit, ou la demande ne transfère rien. Rien n’a été signé.',
  },
  ETH_CHAIN_REFUSED: {
    details: ['chainId'],
    when: 'The request is for another chain than the network chosen (for example a test network, or another chain altogether), or the network is not one Custos signs for (mainnet, sepolia, holesky).',
    risk: 'No. Nothing was signed. A transaction signed for one chain cannot be replayed on another (EIP-155), which is why the chain must be the one intended.',
    action: 'Choose the network the transfer is for. If it should be mainnet, ask the coordinator why the request names another chain.',
    fr: 'La demande vise la chaîne {chainId}, qui n’est pas celle du réseau choisi ou n’en est pas une que Custos signe. Rien n’a été signé.',
  },
  ETH_FROM_FOREIGN: {
    details: ['from'],
    when: "The request pays from an address that is not this wallet's address at the path it names.",
    risk: 'No. Nothing was signed.',
    action: "Check you rebuilt the right wallet. Otherwise ask the coordinator for a request that pays from this wallet's own address.",
    fr: 'La demande paie depuis l’adresse {from}, qui n’est pas celle de ce portefeuille au chemin indiqué. Rien n’a été signé.',
  },
  ETH_CALL_REFUSED: {
    details: ['to'],
    when: "The request calls a contract. Custos signs only plain Ether transfers and a listed token's transfer(address,uint256), without Ether attached; any other call (an approval, a swap, a contract not on the station's token list, extra bytes) is refused.",
    risk: 'No. Nothing was signed. A contract call can give away more than it shows, which is why only the token transfer is signed.',
    action: 'Do not sign. Ask the coordinator for a plain transfer. If the token should be known, adopt it on the station’s token list first, in a ceremony.',
    fr: 'La demande appelle le contrat {to} autrement que par le transfert simple d’un jeton connu du poste. Custos ne signe que des transferts d’Ether et des transferts de jetons listés. Rien n’a été signé.',
  },
  ETH_FEE_TOO_HIGH: {
    details: ['maxFee', 'cap'],
    when: 'The most the transfer could cost in fees (gas limit × maximum fee per gas) is above the station’s cap, or the gas limit is above the 200,000 a transfer needs at most. This protects against losing funds to fees.',
    risk: 'No. Nothing was signed.',
    action: 'Check the fees with the coordinator; ask for a request with a normal gas limit and fee.',
    fr: 'Les frais de ce transfert pourraient atteindre {maxFee} wei, au-delà du plafond du poste ({cap} wei), ou la limite de gaz dépasse 200 000. Rien n’a été signé.',
  },
  ETH_NOT_APPROVED: {
    details: ['approved', 'actual'],
    when: 'The transfer to sign is not exactly the one the approvers approved (its summary changed in any way: chain, sender, asset, destination, amount, nonce or fees).',
    risk: 'No. Nothing was signed.',
    action:
      'Do not sign. Review the transfer again and have it approved again. If the file changed without explanation between approval and signing, report it.',
    fr: 'Ce transfert n’est pas exactement celui qui a été approuvé. Rien n’a été signé.',
  },
  ETH_SIGN_FAILED: {
    details: [],
    when: "Custos's final self-check failed while signing the transfer (the signature did not verify or did not come from the approved address), and it stopped. This should never happen.",
    risk: 'No. No signed transaction was produced.',
    action: 'Do not retry with the same file. Report it with the file.',
    fr: 'Le contrôle final de Custos a échoué pendant la signature du transfert, qui a été arrêtée. Aucune transaction signée n’a été produite.',
  },
  MESSAGE_SIGN_FAILED: {
    details: [],
    when: "A proof of control was asked for an address that is not the wallet's key at the index given, or Custos's final self-check failed (the signature did not verify against the address), and it stopped.",
    risk: 'No. Nothing was signed.',
    action: 'Check the address against the wallet’s accounts (`custos replay`); if it is theirs, report it with the challenge file.',
    fr: 'L’adresse demandée n’est pas celle de la clé du portefeuille à ce rang, ou le contrôle final de Custos a échoué ; rien n’a été signé.',
  },
} as const satisfies ErrorTable;

/** The crypto core itself failing. */
export const CORE_FAILURE_ERRORS = {
  INTERNAL: {
    details: [],
    when: 'The crypto core stopped or failed unexpectedly (for example it was closed during a step). It wipes every secret it held in memory when it stops; its message never contains details.',
    risk: 'No. Nothing was released. But everything held in memory in this session (rebuilt wallets, typed-in shares, unlocked keys) is gone.',
    action: 'Start the current step again from the beginning (shares or key files again). If it happens again, stop the ceremony and report it.',
    fr: 'Un problème est survenu dans Custos. Rien de plus ne peut être affiché ici. Réessayez et signalez-le s’il persiste.',
  },
} as const satisfies ErrorTable;
