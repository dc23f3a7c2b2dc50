/**
 * TSM command syntax shared by every command family (DRM, library control): the tokenizer with its quoting
 * rules ({@link org.vaultline.library.command.CommandTokens}), keywords with minimum abbreviations as IBM's
 * syntax diagrams write them ({@link org.vaultline.library.command.Keyword}), TSM's date and time forms
 * ({@link org.vaultline.library.command.TsmDate}, {@link org.vaultline.library.command.TsmTime}) and the text
 * layout of the administrative client's output ({@link org.vaultline.library.command.TextTable}).
 */
package org.vaultline.library.command;
